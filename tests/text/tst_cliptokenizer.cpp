// Parity and robustness tests of ClipTokenizer against the tiny-clip fixture (CLIPTokenizerFast ids).
#include "core/text/ClipBpe.h"
#include "core/text/ClipTokenizer.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <set>
#include <thread>

using streetlens::ClipTokenizer;
using namespace streetlens::test;

namespace {

QList<qint64> toList(const std::vector<int64_t> &ids) {
  return QList<qint64>(ids.begin(), ids.end());
}

QList<qint64> toList(const QJsonArray &array) {
  QList<qint64> out;
  for (const QJsonValue &v : array)
    out.append(v.toInteger(-1));
  return out;
}

bool writeFile(const QString &path, const QByteArray &data) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestClipTokenizer : public QObject {
  Q_OBJECT

private:
  std::optional<ClipTokenizer> m_tok;
  QJsonObject m_vocab;

  std::optional<ClipTokenizer> loadFixture(QString *error) const {
    return ClipTokenizer::load(fixturePath("model/vocab.json"), fixturePath("model/merges.txt"), error);
  }
  // Token strings -> ids through the fixture's vocab.json (-1 for an unknown string).
  QList<qint64> idsOf(const QStringList &tokens) const {
    QList<qint64> out;
    for (const QString &t : tokens)
      out.append(m_vocab.contains(t) ? m_vocab.value(t).toInteger() : -1);
    return out;
  }

private Q_SLOTS:
  void initTestCase() {
    STREETLENS_REQUIRE_FIXTURE();
    QString error;
    m_tok = loadFixture(&error);
    QVERIFY2(m_tok.has_value(), qPrintable(error));
    m_vocab = QJsonDocument::fromJson(readAll(fixturePath("model/vocab.json"))).object();
    QVERIFY(!m_vocab.isEmpty());
    QVERIFY(!expectedJson().value("tokenizer").toArray().isEmpty());
  }

  void specialIds() {
    QCOMPARE(m_tok->bosId(), qint64(49406));
    QCOMPARE(m_tok->eosId(), qint64(49407));
    QCOMPARE(m_tok->padId(), qint64(49407));
    QCOMPARE(m_tok->vocabSize(), 49408);
  }

  void fixtureTexts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");
    const QJsonArray rows = expectedJson().value("tokenizer").toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
      const QJsonObject row = rows.at(i).toObject();
      const QString text = row.value("text").toString();
      QTest::addRow("%03d %s", int(i), qPrintable(text.left(40).simplified()))
          << text << toList(row.value("input_ids").toArray());
    }
  }

  void fixtureTexts() {
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);
    QCOMPARE(toList(m_tok->encode(text)), expected);
  }

  // One summary number for the report: how many of the fixture texts give identical ids.
  void fixtureMatchCount() {
    const QJsonArray rows = expectedJson().value("tokenizer").toArray();
    int matches = 0;
    for (const QJsonValue &v : rows) {
      const QJsonObject row = v.toObject();
      if (toList(m_tok->encode(row.value("text").toString())) == toList(row.value("input_ids").toArray()))
        ++matches;
    }
    qInfo("tokenizer parity: %d/%d fixture texts identical", matches, int(rows.size()));
    QCOMPARE(matches, int(rows.size()));
  }

  void handWritten_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QStringList>("tokens"); // expected, as vocab strings
    const QString sot = "<|startoftext|>";
    const QString eot = "<|endoftext|>";
    QTest::newRow("empty") << "" << 77 << QStringList{sot, eot};
    QTest::newRow("whitespace only") << QString::fromUtf8(" \t\n\u3000\u00a0 ") << 77
                                     << QStringList{sot, eot};
    QTest::newRow("digits are single pieces")
        << "2023" << 77 << QStringList{sot, "2</w>", "0</w>", "2</w>", "3</w>", eot};
    QTest::newRow("letters digits letters")
        << "route66a" << 77 << QStringList{sot, "route</w>", "6</w>", "6</w>", "a</w>", eot};
    QTest::newRow("contractions") << "They'll DON'T" << 77
                                  << QStringList{sot, "they</w>", "'ll</w>", "don</w>", "'t</w>", eot};
    QTest::newRow("bos literal") << "<|startoftext|>" << 77 << QStringList{sot, sot, eot};
    QTest::newRow("eos between words")
        << "hello<|endoftext|>world" << 77 << QStringList{sot, "hello</w>", eot, "world</w>", eot};
    QTest::newRow("special token after lowercasing") << "<|ENDOFTEXT|>" << 77 << QStringList{sot, eot, eot};
    QTest::newRow("symbols around special token")
        << "!!<|endoftext|>!!" << 77 << QStringList{sot, "!!</w>", eot, "!!</w>", eot};
    QTest::newRow("dotted capital I lowercases to i + U+0307")
        << QString::fromUtf8("\u0130") << 77
        << QStringList{sot, "i</w>", QString::fromUtf8("\u00cc\u0129</w>"), eot};
    QTest::newRow("maxLength 4 keeps two content ids")
        << "a b c d" << 4 << QStringList{sot, "a</w>", "b</w>", eot};
    QTest::newRow("maxLength 2 keeps no content") << "a b c d" << 2 << QStringList{sot, eot};
    QTest::newRow("maxLength below 2 is clamped") << "a b" << 0 << QStringList{sot, eot};
    QTest::newRow("special token is truncated like any id")
        << "a <|endoftext|> b" << 3 << QStringList{sot, "a</w>", eot};
  }

  void handWritten() {
    QFETCH(QString, text);
    QFETCH(int, maxLength);
    QFETCH(QStringList, tokens);
    const QList<qint64> expected = idsOf(tokens);
    QVERIFY2(!expected.contains(-1), "a token of this row is not in the fixture vocab");
    QCOMPARE(toList(m_tok->encode(text, maxLength)), expected);
  }

  void truncation() {
    const QString text = QString("word ").repeated(100);
    const std::vector<int64_t> ids = m_tok->encode(text);
    QCOMPARE(ids.size(), size_t(77));
    QCOMPARE(ids.front(), m_tok->bosId());
    QCOMPARE(ids.back(), m_tok->eosId());
    const qint64 word = m_vocab.value("word</w>").toInteger(-1);
    for (size_t i = 1; i + 1 < ids.size(); ++i)
      QCOMPARE(ids[i], word);
    // Exactly 75 content tokens is not truncated; 76 is.
    QCOMPARE(m_tok->encode(QString("word ").repeated(75)).size(), size_t(77));
    const std::vector<int64_t> cut = m_tok->encode(QString("word ").repeated(75) + "hello");
    QCOMPARE(cut.size(), size_t(77));
    QCOMPARE(cut[75], word);
    QCOMPARE(cut[76], m_tok->eosId());
    // A longer maxLength keeps everything.
    QCOMPARE(m_tok->encode(text, 200).size(), size_t(102));
  }

  void byteToUnicode() {
    using streetlens::text::clipByteToCodePoint;
    QCOMPARE(uint(clipByteToCodePoint(' ')), 0x120u);
    QCOMPARE(uint(clipByteToCodePoint(0)), 0x100u);
    QCOMPARE(uint(clipByteToCodePoint('!')), uint('!'));
    QCOMPARE(uint(clipByteToCodePoint('~')), uint('~'));
    QCOMPARE(uint(clipByteToCodePoint(127)), 0x121u);
    QCOMPARE(uint(clipByteToCodePoint(0xAD)), 0x143u);
    QCOMPARE(uint(clipByteToCodePoint(0xAE)), 0xAEu);
    std::set<char32_t> seen;
    for (int b = 0; b < 256; ++b)
      seen.insert(clipByteToCodePoint(uint8_t(b)));
    QCOMPARE(seen.size(), size_t(256));
  }

  // A tiny hand-made vocabulary pins the BPE loop: lowest rank first, all occurrences left to right
  // without overlap, unknown symbols -> unk (= <|endoftext|>).
  void tinyVocabulary_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");
    // ids: a 0, b 1, a</w> 2, b</w> 3, aa 4, ab</w> 5, sot 6, eot 7
    QTest::newRow("merge at word end") << "ab" << QList<qint64>{6, 5, 7};
    QTest::newRow("no merge") << "ba" << QList<qint64>{6, 1, 2, 7};
    QTest::newRow("odd run") << "aaa" << QList<qint64>{6, 4, 2, 7};
    QTest::newRow("even run is not re-merged") << "aaaa" << QList<qint64>{6, 4, 0, 2, 7};
    QTest::newRow("unknown byte gives unk") << "c" << QList<qint64>{6, 7, 7};
  }

  void tinyVocabulary() {
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);
    const QByteArray vocab = R"({"a":0,"b":1,"a</w>":2,"b</w>":3,"aa":4,"ab</w>":5,
                                 "<|startoftext|>":6,"<|endoftext|>":7})";
    QString error;
    const auto tok = ClipTokenizer::fromData(vocab, "#version: 0.2\r\na a\r\na b</w>\r\n", &error);
    QVERIFY2(tok.has_value(), qPrintable(error));
    QCOMPARE(tok->vocabSize(), 8);
    QCOMPARE(toList(tok->encode(text)), expected);
  }

  void loadErrors_data() {
    QTest::addColumn<QByteArray>("vocab"); // null: the file is not created
    QTest::addColumn<QByteArray>("merges");
    QTest::addColumn<QStringList>("fragments"); // all must occur in the error message
    const QByteArray okVocab = R"({"a":0,"a</w>":1,"<|startoftext|>":2,"<|endoftext|>":3})";
    const QByteArray okMerges = "#version: 0.2\na a</w>\n";
    QTest::newRow("missing vocab file")
        << QByteArray() << okMerges << QStringList{"vocab.json", "cannot open"};
    QTest::newRow("missing merges file")
        << okVocab << QByteArray() << QStringList{"merges.txt", "cannot open"};
    QTest::newRow("invalid JSON vocab")
        << QByteArray("{\"a\": 0,") << okMerges << QStringList{"vocab.json", "invalid JSON"};
    QTest::newRow("empty vocab file")
        << QByteArray("") << okMerges << QStringList{"vocab.json", "invalid JSON"};
    QTest::newRow("vocab is an array")
        << QByteArray("[1, 2]") << okMerges << QStringList{"vocab.json", "JSON object"};
    QTest::newRow("vocab id is a string") << QByteArray(R"({"a":"0","<|startoftext|>":2,"<|endoftext|>":3})")
                                          << okMerges << QStringList{"vocab.json", "\"a\"", "valid id"};
    QTest::newRow("vocab id is negative") << QByteArray(R"({"a":-1,"<|startoftext|>":2,"<|endoftext|>":3})")
                                          << okMerges << QStringList{"vocab.json", "valid id"};
    QTest::newRow("vocab id is fractional")
        << QByteArray(R"({"a":1.5,"<|startoftext|>":2,"<|endoftext|>":3})") << okMerges
        << QStringList{"vocab.json", "valid id"};
    QTest::newRow("vocab without bos") << QByteArray(R"({"a":0,"<|endoftext|>":3})") << okMerges
                                       << QStringList{"vocab.json", "<|startoftext|>"};
    QTest::newRow("vocab without eos") << QByteArray(R"({"a":0,"<|startoftext|>":3})") << okMerges
                                       << QStringList{"vocab.json", "<|endoftext|>"};
    QTest::newRow("merges line with three symbols")
        << okVocab << QByteArray("#version: 0.2\na a</w>\nthis is bad\n")
        << QStringList{"merges.txt", "line 3"};
    QTest::newRow("merges line with one symbol")
        << okVocab << QByteArray("#version: 0.2\nabc\n") << QStringList{"merges.txt", "line 2"};
    QTest::newRow("merges blank line inside")
        << okVocab << QByteArray("#version: 0.2\na a</w>\n\na a\n") << QStringList{"merges.txt", "line 3"};
    QTest::newRow("merges double space")
        << okVocab << QByteArray("#version: 0.2\na  a</w>\n") << QStringList{"merges.txt", "line 2"};
  }

  void loadErrors() {
    QFETCH(QByteArray, vocab);
    QFETCH(QByteArray, merges);
    QFETCH(QStringList, fragments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vocabPath = dir.filePath("vocab.json");
    const QString mergesPath = dir.filePath("merges.txt");
    if (!vocab.isNull())
      QVERIFY(writeFile(vocabPath, vocab));
    if (!merges.isNull())
      QVERIFY(writeFile(mergesPath, merges));
    QString error;
    QVERIFY(!ClipTokenizer::load(vocabPath, mergesPath, &error).has_value());
    for (const QString &f : fragments)
      QVERIFY2(error.contains(f), qPrintable("\"" + f + "\" not in: " + error));
    // The in-memory variant rejects the same content (null error pointer allowed).
    if (!vocab.isNull() && !merges.isNull())
      QVERIFY(!ClipTokenizer::fromData(vocab, merges, nullptr).has_value());
  }

  void mergesBeyondLimitAreIgnored() {
    // Only the first 48,894 merges are read; a malformed line after them is never looked at.
    QByteArray merges = "#version: 0.2\n";
    for (int i = 0; i < ClipTokenizer::kMaxMerges; ++i)
      merges += "a a</w>\n";
    merges += "malformed line here\n";
    const QByteArray vocab = R"({"a":0,"a</w>":1,"aa</w>":2,"<|startoftext|>":3,"<|endoftext|>":4})";
    QString error;
    const auto tok = ClipTokenizer::fromData(vocab, merges, &error);
    QVERIFY2(tok.has_value(), qPrintable(error));
    QCOMPARE(toList(tok->encode("aa")), (QList<qint64>{3, 2, 4}));
  }

  void fromDataMatchesLoad() {
    QString error;
    const auto tok = ClipTokenizer::fromData(readAll(fixturePath("model/vocab.json")),
                                             readAll(fixturePath("model/merges.txt")), &error);
    QVERIFY2(tok.has_value(), qPrintable(error));
    const QString text = "A Street View photo close to the town of Tromsø in Norway.";
    QCOMPARE(tok->encode(text), m_tok->encode(text));
  }

  // Several threads fill and read one fresh cache at the same time; every result must be exact.
  void concurrentEncode() {
    QString error;
    const auto tok = loadFixture(&error);
    QVERIFY2(tok.has_value(), qPrintable(error));
    const QJsonArray rows = expectedJson().value("tokenizer").toArray();
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 3; ++round) {
          for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at((i + t * 97) % rows.size()).toObject();
            if (toList(tok->encode(row.value("text").toString())) != toList(row.value("input_ids").toArray()))
              ++mismatches;
          }
        }
      });
    }
    for (std::thread &th : threads)
      th.join();
    QCOMPARE(mismatches.load(), 0);
  }

  void copiesShareTables() {
    const ClipTokenizer copy = *m_tok;
    QCOMPARE(copy.encode("san jose"), m_tok->encode("san jose"));
  }
};

QTEST_GUILESS_MAIN(TestClipTokenizer)
#include "tst_cliptokenizer.moc"

// Scene tasks, clue readings and probes through streetlens-cli on the tiny-clip fixture (issues 19,
// 20): `tasks` lists them; predict's "tasks"/"clues" equal a softmax of exp(logit_scale)·cos over
// the ensembled prompts computed here from `embed` outputs; train-probe writes a probe whose
// predict answers equal softmax(W·x̂ + b) from `embed`; a probe of another model is refused; the
// CSV carries the task columns.
#include "core/export/Csv.h"
#include "tests/cli/CliRun.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

std::vector<double> unit(const QJsonArray &a) {
  std::vector<double> v;
  double s = 0;
  for (const QJsonValue &x : a) {
    v.push_back(x.toDouble());
    s += x.toDouble() * x.toDouble();
  }
  for (double &x : v)
    x /= std::sqrt(s);
  return v;
}

double dot(const std::vector<double> &a, const std::vector<double> &b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i)
    s += a[i] * b[i];
  return s;
}

std::vector<double> softmax(std::vector<double> z) {
  const double mx = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (double &v : z)
    sum += (v = std::exp(v - mx));
  for (double &v : z)
    v /= sum;
  return z;
}

const QString kImage = QStringLiteral("images/landscape_640x480.png");

} // namespace

class TestCliTasks : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

  QStringList predict(const QStringList &more) const {
    return QStringList{"predict", "--model", fixturePath("model"), "--precision",          "fp32",
                       "--mode",  "flat",    "--cache-dir",        m_dir.filePath("cache")} +
           more;
  }
  // The image's projected embedding, normalised, from `embed`.
  std::vector<double> imageEmbedding() const {
    const Run e =
        cli({"embed", "--model", fixturePath("model"), "--precision", "fp32", "--image", fixturePath(kImage)},
            m_env);
    return unit(e.json().value("images").toArray()[0].toObject().value("embedding").toArray());
  }

private Q_SLOTS:
  void initTestCase() {
    STREETLENS_REQUIRE_FIXTURE();
    QVERIFY(m_dir.isValid());
    m_env.insert("XDG_CONFIG_HOME", m_dir.filePath("config")); // the user's task folder, empty
  }

  void listsTasksAndClues() {
    const Run t = cli({"tasks"}, m_env);
    QCOMPARE(t.code, 0);
    const QStringList lines = QString::fromUtf8(t.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 13);
    QVERIFY(lines.contains("road-condition\tWhat condition is the road in?"));
    const Run c = cli({"tasks", "--clues"}, m_env);
    QCOMPARE(c.code, 0);
    QVERIFY(c.out.contains("driving-side\tWhich side of the road does traffic drive on?"));
    QVERIFY(c.out.contains("sign-script\t"));
  }

  void taskProbabilitiesEqualEnsembledSoftmax_data() {
    QTest::addColumn<QString>("task"); // name or file written here
    QTest::addColumn<bool>("clue");
    QTest::newRow("built-in road-condition (2 templates)") << "road-condition" << false;
    QTest::newRow("user file, 3 templates") << "FILE" << false;
    QTest::newRow("clue driving-side") << "driving-side" << true;
    QTest::newRow("clue sign-script (10 labels)") << "sign-script" << true;
  }
  void taskProbabilitiesEqualEnsembledSoftmax() {
    QFETCH(QString, task);
    QFETCH(bool, clue);
    QString name = task, file = task;
    if (task == "FILE") {
      name = "fence";
      file = m_dir.filePath("fence.json");
      QFile f(file);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(
          R"({"name":"fence","question":"Which fence?","labels":["a wooden fence","a stone wall","no fence"],
                  "templates":["a photo of {}.","a street with {}.","{}"]})");
    }
    const Run p = cli(
        predict(clue ? QStringList{fixturePath(kImage)} : QStringList{"--task", file, fixturePath(kImage)}),
        m_env);
    QVERIFY2(p.code == 0, p.err.constData());
    const QJsonObject r = p.json().value("results").toArray()[0].toObject();
    const QJsonObject got = r.value(clue ? "clues" : "tasks").toObject().value(name).toObject();
    const QJsonArray labels = got.value("labels").toArray(), probs = got.value("probs").toArray();
    QVERIFY(labels.size() >= 2);
    QCOMPARE(probs.size(), labels.size());
    // The task's definition, as `tasks --json` prints it (or the file).
    QJsonObject def;
    if (task == "FILE") {
      QFile f(file);
      QVERIFY(f.open(QIODevice::ReadOnly));
      def = QJsonDocument::fromJson(f.readAll()).object();
    } else {
      const Run list =
          cli(clue ? QStringList{"tasks", "--clues", "--json"} : QStringList{"tasks", "--json"}, m_env);
      for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array())
        if (v.toObject().value("name").toString() == name)
          def = v.toObject();
    }
    const QJsonArray templates = def.value("templates").toArray();
    QStringList args{"embed", "--model", fixturePath("model"), "--precision", "fp32"};
    for (const QJsonValue &l : labels)
      for (const QJsonValue &t : templates)
        args << "--text" << t.toString().replace("{}", l.toString());
    const Run e = cli(args, m_env);
    QVERIFY2(e.code == 0, e.err.constData());
    const QJsonArray texts = e.json().value("texts").toArray();
    QCOMPARE(texts.size(), labels.size() * templates.size());
    const std::vector<double> x = imageEmbedding();
    const double scale = std::exp(expectedJson().value("logit_scale").toDouble());
    std::vector<double> logits;
    for (qsizetype l = 0; l < labels.size(); ++l) {
      std::vector<double> mean(x.size(), 0.0);
      for (qsizetype t = 0; t < templates.size(); ++t) {
        const std::vector<double> u =
            unit(texts[l * templates.size() + t].toObject().value("embedding").toArray());
        for (size_t k = 0; k < mean.size(); ++k)
          mean[k] += u[k];
      }
      QJsonArray m;
      for (double v : mean)
        m.append(v);
      logits.push_back(scale * dot(unit(m), x));
    }
    const std::vector<double> want = softmax(logits);
    for (size_t i = 0; i < want.size(); ++i)
      QVERIFY2(std::abs(probs[qsizetype(i)].toDouble() - want[i]) < 1e-4,
               qPrintable(QString("%1: %2 vs %3")
                              .arg(labels[qsizetype(i)].toString())
                              .arg(probs[qsizetype(i)].toDouble())
                              .arg(want[i])));
  }

  void taskOptionErrors_data() {
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << "no-such-task"
                             << "unknown task \"no-such-task\"";
    QTest::newRow("missing file") << "/nonexistent/t.json"
                                  << "no such task file";
  }
  void taskOptionErrors() {
    QFETCH(QString, task);
    QFETCH(QString, message);
    const Run p = cli(predict({"--task", task, fixturePath(kImage)}), m_env);
    QCOMPARE(p.code, 2);
    QVERIFY2(p.err.contains(message.toUtf8()), p.err.constData());
  }

  void allTasksAndCsvColumns() {
    const QString csv = m_dir.filePath("all.csv");
    const Run p = cli(predict({"--task", "all", "--no-clues", fixturePath(kImage), "-o", csv}), m_env);
    QVERIFY2(p.code == 0, p.err.constData());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString err;
    const QList<QStringList> rows = exporting::parseCsv(f.readAll(), &err);
    QVERIFY2(err.isEmpty() && rows.size() == 2, qPrintable(err));
    const QStringList &h = rows[0];
    QVERIFY(h.contains("task:damage"));
    QVERIFY(h.contains("task:damage:no damage"));
    QVERIFY(!h.join(',').contains("clue:"));
    int tasks = 0;
    for (const QString &c : h)
      tasks += c.startsWith("task:") && c.count(':') == 1;
    QCOMPARE(tasks, 13);
    // The same numbers as the JSON.
    const Run j = cli(predict({"--task", "damage", "--no-clues", fixturePath(kImage)}), m_env);
    const QJsonObject damage = j.json()
                                   .value("results")
                                   .toArray()[0]
                                   .toObject()
                                   .value("tasks")
                                   .toObject()
                                   .value("damage")
                                   .toObject();
    const QJsonArray labels = damage.value("labels").toArray();
    for (qsizetype i = 0; i < labels.size(); ++i) {
      const qsizetype col = h.indexOf("task:damage:" + labels[i].toString());
      QVERIFY(col > 0);
      QVERIFY(std::abs(rows[1][col].toDouble() - damage.value("probs").toArray()[i].toDouble()) < 1e-9);
    }
  }

  void trainedProbeAnswersLikeItsWeights() {
    const QString labels = m_dir.filePath("labels.csv");
    {
      QFile f(labels);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("path,class\n");
      int i = 0;
      for (const QString &img : QDir(fixturePath("images")).entryList(QDir::Files, QDir::Name))
        f.write(QString("%1,%2\n").arg(fixturePath("images/" + img), i++ % 2 ? "wide" : "tall").toUtf8());
    }
    const QString probe = m_dir.filePath("my-probe.json");
    const Run t = cli({"train-probe", "--model", fixturePath("model"), "--precision", "fp32", "--labels",
                       labels, "-o", probe, "--cache-dir", m_dir.filePath("cache")},
                      m_env);
    QVERIFY2(t.code == 0, t.err.constData());
    const QJsonObject summary = t.json();
    QCOMPARE(summary.value("name").toString(), QString("my-probe"));
    QCOMPARE(summary.value("samples").toInt(), 9);
    QVERIFY(summary.value("cv_accuracy").toDouble() >= 0 && summary.value("cv_accuracy").toDouble() <= 1);
    QFile f(probe);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
    for (const char *key : {"cv_accuracy", "classes", "model_sha256", "weights", "bias", "confusion"})
      QVERIFY2(file.contains(key), key);
    QCOMPARE(file.value("classes").toArray().size(), 2);
    f.close();

    const Run p = cli(predict({"--task", probe, "--no-clues", fixturePath(kImage)}), m_env);
    QVERIFY2(p.code == 0, p.err.constData());
    const QJsonArray probs = p.json()
                                 .value("results")
                                 .toArray()[0]
                                 .toObject()
                                 .value("tasks")
                                 .toObject()
                                 .value("my-probe")
                                 .toObject()
                                 .value("probs")
                                 .toArray();
    const std::vector<double> x = imageEmbedding();
    std::vector<double> z;
    for (int c = 0; c < 2; ++c) {
      std::vector<double> w;
      for (const QJsonValue &v : file.value("weights").toArray()[c].toArray())
        w.push_back(v.toDouble());
      z.push_back(dot(w, x) + file.value("bias").toArray()[c].toDouble());
    }
    const std::vector<double> want = softmax(z);
    QCOMPARE(probs.size(), 2);
    for (int c = 0; c < 2; ++c)
      QVERIFY(std::abs(probs[c].toDouble() - want[size_t(c)]) < 1e-5);

    // The same probe claimed for another model is refused, naming the file.
    file.insert("model_sha256", QString(64, '0'));
    const QString other = m_dir.filePath("other-model.json");
    QFile o(other);
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write(QJsonDocument(file).toJson());
    o.close();
    const Run refused = cli(predict({"--task", other, fixturePath(kImage)}), m_env);
    QCOMPARE(refused.code, 3);
    QVERIFY2(refused.err.contains("another model") && refused.err.contains("other-model.json"),
             refused.err.constData());
  }

  void trainProbeErrors_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no class column") << QByteArray("path,kind\nx.png,a\n") << 2 << "path and class";
    QTest::newRow("one class") << QByteArray("path,class\nIMG1,a\nIMG2,a\n") << 1 << "at least two classes";
  }
  void trainProbeErrors() {
    QFETCH(QByteArray, csv);
    QFETCH(int, code);
    QFETCH(QString, message);
    csv.replace("IMG1", fixturePath("images/square_336.png").toUtf8())
        .replace("IMG2", fixturePath(kImage).toUtf8());
    const QString labels = m_dir.filePath("bad.csv");
    QFile f(labels);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    const Run t = cli({"train-probe", "--model", fixturePath("model"), "--labels", labels, "-o",
                       m_dir.filePath("p.json"), "--cache-dir", m_dir.filePath("cache")},
                      m_env);
    QCOMPARE(t.code, code);
    QVERIFY2(t.err.contains(message.toUtf8()), t.err.constData());
  }
};

QTEST_GUILESS_MAIN(TestCliTasks)
#include "tst_cli_tasks.moc"

// ProjectStore: round trip of results, dedupe by content hash, reopen, refusal of foreign, newer,
// damaged and read-only files, disk-full errors, and a second connection on another thread.
#include "core/store/ProjectStore.h"
#include "core/store/ResultJson.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace streetlens;
using namespace streetlens::store;

namespace {

ImageResult sampleResult(const QString &sha, const QString &settingsKey = QStringLiteral("k1")) {
  ImageResult r;
  r.path = QStringLiteral("/photos/%1.jpg").arg(sha.left(6));
  r.sha256 = sha;
  r.status = ImageStatus::Done;
  r.width = 640;
  r.height = 480;
  PlaceProbability fr{QStringLiteral("FR"),
                      QStringLiteral("France"),
                      QStringLiteral("FR"),
                      {},
                      geo::GeoPoint{46.5, 2.5},
                      67000000,
                      0.61};
  PlaceProbability de{
      QStringLiteral("DE"), QStringLiteral("Germany"), QStringLiteral("DE"), {}, std::nullopt, 0, 0.25};
  r.countries = {fr, de};
  r.regions = {{QStringLiteral("FR.11"),
                QStringLiteral("Île-de-France"),
                QStringLiteral("FR"),
                {},
                geo::GeoPoint{48.7, 2.5},
                0,
                0.4}};
  r.cities = {{QStringLiteral("2988507"), QStringLiteral("Paris"), QStringLiteral("FR"),
               QStringLiteral("FR.11"), geo::GeoPoint{48.85341, 2.3488}, 2138551, 0.3}};
  r.estimate = geo::GeoPoint{48.85341, 2.3488};
  r.estimateLabel = QStringLiteral("Paris, Île-de-France, France");
  r.exifLocation = geo::GeoPoint{48.8, 2.35};
  r.exifAltitude = 35.5;
  r.exifTime = QDateTime(QDate(2021, 6, 1), QTime(12, 30, 0), QTimeZone::utc());
  r.exifCountry = QStringLiteral("FR");
  r.errorKm = 5.95;
  r.analyzedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 600), QTimeZone::utc());
  r.settingsKey = settingsKey;
  return r;
}

QString sha(char c) {
  return QString(64, QLatin1Char(c));
}

void comparePlaces(const std::vector<PlaceProbability> &a, const std::vector<PlaceProbability> &b) {
  QCOMPARE(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    QCOMPARE(a[i].code, b[i].code);
    QCOMPARE(a[i].name, b[i].name);
    QCOMPARE(a[i].country, b[i].country);
    QCOMPARE(a[i].region, b[i].region);
    QCOMPARE(a[i].population, b[i].population);
    QCOMPARE(a[i].probability, b[i].probability);
    QCOMPARE(a[i].location.has_value(), b[i].location.has_value());
    if (a[i].location)
      QCOMPARE(*a[i].location, *b[i].location);
  }
}

} // namespace

class TestProjectStore : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void createsSchemaAndMeta();
  void resultRoundTrip();
  void dedupeBySha256();
  void reopenShowsSameResults();
  void failedResultKeepsError();
  void rerunReplacesResult();
  void removeImage();
  void annotationRoundTrip_data();
  void annotationRoundTrip();
  void annotationGoesWithItsImage();
  void metaPrefixIsLiteral();
  void refusesBadFiles_data();
  void refusesBadFiles();
  void refusesNewerFormat();
  void readOnlyFileMessage();
  void diskFullMessage();
  void workerThreadWritesWhileGuiReads();
  void twoThreadsWriteConcurrently();
  void saveCopyAs();
};

void TestProjectStore::createsSchemaAndMeta() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY2(s, qPrintable(err));
  QCOMPARE(s->meta(QStringLiteral("format_version")), QString::number(ProjectStore::kFormatVersion));
  QVERIFY(!s->meta(QStringLiteral("created")).isEmpty());
  QVERIFY(s->setMeta(QStringLiteral("settings"), QStringLiteral("{\"topK\":3}"), &err));
  QCOMPARE(s->meta(QStringLiteral("settings")), QStringLiteral("{\"topK\":3}"));
  QCOMPARE(s->imageCount(), 0);
  QVERIFY(s->checkIntegrity(&err));
  // WAL journal
  QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
  probe.setDatabaseName(s->path());
  QVERIFY(probe.open());
  {
    QSqlQuery q(probe);
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
  }
  probe.close();
  probe = QSqlDatabase();
  QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void TestProjectStore::resultRoundTrip() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY2(s, qPrintable(err));
  const ImageResult in = sampleResult(sha('a'));
  QVERIFY2(s->saveResult(in, &err), qPrintable(err));
  const auto out = s->image(sha('a'));
  QVERIFY(out);
  QCOMPARE(out->status, ImageStatus::Done);
  QVERIFY(out->result);
  const ImageResult &r = *out->result;
  QCOMPARE(r.path, in.path);
  QCOMPARE(r.sha256, in.sha256);
  QCOMPARE(r.width, 640);
  QCOMPARE(r.height, 480);
  comparePlaces(r.countries, in.countries);
  comparePlaces(r.regions, in.regions);
  comparePlaces(r.cities, in.cities);
  QVERIFY(r.estimate);
  QCOMPARE(*r.estimate, *in.estimate);
  QCOMPARE(r.estimateLabel, in.estimateLabel);
  QCOMPARE(*r.exifLocation, *in.exifLocation);
  QCOMPARE(*r.exifAltitude, 35.5);
  QCOMPARE(r.exifTime, in.exifTime);
  QCOMPARE(r.exifCountry, QStringLiteral("FR"));
  QCOMPARE(*r.errorKm, 5.95);
  QCOMPARE(r.analyzedAt, in.analyzedAt);
  QCOMPARE(r.settingsKey, QStringLiteral("k1"));
}

void TestProjectStore::dedupeBySha256() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  NewImage img;
  img.path = QStringLiteral("/x/one.jpg");
  img.sha256 = sha('b');
  img.thumbnail = QImage(32, 24, QImage::Format_RGB32);
  img.thumbnail.fill(Qt::red);
  const auto a = s->addImage(img, &err);
  QVERIFY2(a, qPrintable(err));
  QVERIFY(a->inserted);
  img.path = QStringLiteral("/x/copy-of-one.jpg");
  const auto b = s->addImage(img, &err);
  QVERIFY(b);
  QVERIFY(!b->inserted);
  QCOMPARE(b->id, a->id);
  QCOMPARE(s->imageCount(), 1);
  // A result for the same content goes to the same row.
  ImageResult r = sampleResult(sha('b'));
  QVERIFY(s->saveResult(r, &err));
  QVERIFY(s->saveResult(r, &err));
  QCOMPARE(s->imageCount(), 1);
  const auto all = s->loadAll(&err);
  QVERIFY(all);
  QCOMPARE(all->size(), size_t(1));
  QCOMPARE(all->front().image.path, QStringLiteral("/x/one.jpg"));
  QCOMPARE(all->front().image.thumbnail.size(), QSize(32, 24));
  QVERIFY(s->addImage(NewImage{}, &err) == std::nullopt);
  QVERIFY(err.contains(QStringLiteral("content hash")));
}

void TestProjectStore::reopenShowsSameResults() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("p.streetlens"));
  QString err;
  {
    auto s = ProjectStore::open(path, &err);
    QVERIFY(s);
    for (char c : {'1', '2', '3'})
      QVERIFY(s->saveResult(sampleResult(sha(c)), &err));
    NewImage pending;
    pending.path = QStringLiteral("/x/pending.jpg");
    pending.sha256 = sha('4');
    QVERIFY(s->addImage(pending, &err));
  }
  auto s = ProjectStore::open(path, &err);
  QVERIFY2(s, qPrintable(err));
  const auto all = s->loadAll(&err);
  QVERIFY(all);
  QCOMPARE(all->size(), size_t(4));
  for (int i = 0; i < 3; ++i) {
    QCOMPARE((*all)[i].status, ImageStatus::Done);
    QVERIFY((*all)[i].result);
    QCOMPARE((*all)[i].result->countries.front().code, QStringLiteral("FR"));
  }
  QCOMPARE((*all)[3].status, ImageStatus::Queued);
  QVERIFY(!(*all)[3].result);
}

void TestProjectStore::failedResultKeepsError() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  ImageResult r;
  r.path = QStringLiteral("/x/bad.jpg");
  r.sha256 = sha('c');
  r.status = ImageStatus::Failed;
  r.error = QStringLiteral("/x/bad.jpg: corrupt JPEG data");
  QVERIFY(s->saveResult(r, &err));
  const auto out = s->image(sha('c'));
  QVERIFY(out);
  QCOMPARE(out->status, ImageStatus::Failed);
  QCOMPARE(out->error, r.error);
  QVERIFY(!out->result);
}

void TestProjectStore::rerunReplacesResult() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->saveResult(sampleResult(sha('d'), QStringLiteral("k1")), &err));
  ImageResult second = sampleResult(sha('d'), QStringLiteral("k2"));
  second.countries.front().probability = 0.9;
  QVERIFY(s->saveResult(second, &err));
  QCOMPARE(s->image(sha('d'))->result->settingsKey, QStringLiteral("k2"));
  QCOMPARE(s->image(sha('d'))->result->countries.front().probability, 0.9);
  // Going back to the first settings makes that result the latest again.
  QVERIFY(s->saveResult(sampleResult(sha('d'), QStringLiteral("k1")), &err));
  QCOMPARE(s->image(sha('d'))->result->settingsKey, QStringLiteral("k1"));
}

void TestProjectStore::removeImage() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->saveResult(sampleResult(sha('e')), &err));
  QVERIFY(s->saveResult(sampleResult(sha('f')), &err));
  QVERIFY(s->remove(sha('e'), &err));
  QCOMPARE(s->imageCount(), 1);
  QVERIFY(!s->image(sha('e')));
  QVERIFY(s->remove(sha('0'), &err)); // absent is fine
}

void TestProjectStore::annotationRoundTrip_data() {
  QTest::addColumn<int>("verdict");
  QTest::addColumn<QString>("note");
  QTest::addColumn<bool>("pinned");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::newRow("confirmed, no note, no pin") << int(Verdict::Confirmed) << QString() << false << 0.0 << 0.0;
  QTest::newRow("rejected with a two-line note")
      << int(Verdict::Rejected) << QStringLiteral("Sign is Cyrillic.\nNot France.") << false << 0.0 << 0.0;
  QTest::newRow("unsure with a pin south-west")
      << int(Verdict::Unsure) << QStringLiteral("São Paulo?") << true << -23.55052 << -46.633308;
  QTest::newRow("only a pin at the antimeridian")
      << int(Verdict::None) << QString() << true << 65.0 << -180.0;
  QTest::newRow("only a note with quotes")
      << int(Verdict::None) << QStringLiteral("\"a\" & <b>") << false << 0.0 << 0.0;
}

void TestProjectStore::annotationRoundTrip() {
  QFETCH(int, verdict);
  QFETCH(QString, note);
  QFETCH(bool, pinned);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QTemporaryDir dir;
  QString err;
  const QString path = dir.filePath(QStringLiteral("a.streetlens"));
  Annotation a;
  a.verdict = Verdict(verdict);
  a.note = note;
  if (pinned)
    a.truth = geo::GeoPoint{lat, lon};
  {
    auto s = ProjectStore::open(path, &err);
    QVERIFY2(s, qPrintable(err));
    QVERIFY(s->saveResult(sampleResult(sha('a')), &err));
    NewImage b;
    b.path = QStringLiteral("/p/b.jpg");
    b.sha256 = sha('b');
    QVERIFY(s->addImage(b, &err));
    QVERIFY2(s->setAnnotation(sha('a'), a, &err), qPrintable(err));
  }
  auto s = ProjectStore::open(path, &err); // a new connection reads what the first wrote
  QVERIFY(s);
  const auto all = s->loadAll(&err);
  QVERIFY(all);
  QCOMPARE(all->size(), size_t(2));
  const StoredImage &first = all->front().image.sha256 == sha('a') ? all->front() : all->back();
  const StoredImage &second = all->front().image.sha256 == sha('a') ? all->back() : all->front();
  QVERIFY(first.annotation == a);
  QVERIFY(first.annotation.modified.isValid()); // stamped when stored without a time
  QCOMPARE(int(first.annotation.verdict), verdict);
  QCOMPARE(first.annotation.note, note);
  QCOMPARE(first.annotation.truth.has_value(), pinned);
  if (pinned) { // exact: the project keeps the degrees as typed
    QCOMPARE(first.annotation.truth->lat, lat);
    QCOMPARE(first.annotation.truth->lon, lon);
  }
  QVERIFY(second.annotation.isEmpty());
  QVERIFY(s->image(sha('a'))->annotation == a);
  QCOMPARE(s->annotations().size(), 1);
  // An empty annotation removes the record.
  QVERIFY(s->setAnnotation(sha('a'), Annotation{}, &err));
  QVERIFY(s->annotations().isEmpty());
  QVERIFY(s->image(sha('a'))->annotation.isEmpty());
  QVERIFY(s->metaWithPrefix(QStringLiteral("annotation/")).isEmpty());
}

void TestProjectStore::annotationGoesWithItsImage() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->saveResult(sampleResult(sha('e')), &err));
  QVERIFY(s->saveResult(sampleResult(sha('f')), &err));
  Annotation a;
  a.verdict = Verdict::Rejected;
  QVERIFY(s->setAnnotation(sha('e'), a, &err));
  QVERIFY(s->setAnnotation(sha('f'), a, &err));
  QVERIFY(s->remove(sha('e'), &err));
  QCOMPARE(s->annotations().keys(), QList<QString>{sha('f')});
  // A record that is not JSON reads as no annotation; the project stays usable.
  QVERIFY(s->setMeta(QStringLiteral("annotation/") + sha('f'), QStringLiteral("{not json"), &err));
  QVERIFY(s->annotations().isEmpty());
  QVERIFY(s->loadAll(&err));
}

void TestProjectStore::metaPrefixIsLiteral() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->setMeta(QStringLiteral("a_b/1"), QStringLiteral("x"), &err));
  QVERIFY(s->setMeta(QStringLiteral("aXb/2"), QStringLiteral("y"), &err)); // '_' would match X in LIKE
  QVERIFY(s->setMeta(QStringLiteral("a%b/3"), QStringLiteral("z"), &err));
  QCOMPARE(s->metaWithPrefix(QStringLiteral("a_b/")).keys(), QList<QString>{QStringLiteral("a_b/1")});
  QCOMPARE(s->metaWithPrefix(QStringLiteral("a%")).keys(), QList<QString>{QStringLiteral("a%b/3")});
  QVERIFY(s->removeMeta(QStringLiteral("a_b/1"), &err));
  QVERIFY(s->meta(QStringLiteral("a_b/1")).isEmpty());
}

void TestProjectStore::refusesBadFiles_data() {
  QTest::addColumn<QByteArray>("content");
  QTest::addColumn<QString>("expected");
  QTest::newRow("text") << QByteArray("hello, this is not a database\n") << "not an SQLite database";
  QTest::newRow("short") << QByteArray("SQLite") << "not an SQLite database";
  QByteArray header("SQLite format 3");
  header.append('\0');
  QTest::newRow("header-then-garbage") << header + QByteArray(4096, '\x5a') << "";
}

void TestProjectStore::refusesBadFiles() {
  QFETCH(QByteArray, content);
  QFETCH(QString, expected);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bad.streetlens"));
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(content);
  f.close();
  QString err;
  auto s = ProjectStore::open(path, &err);
  QVERIFY(!s);
  QVERIFY2(err.contains(QStringLiteral("bad.streetlens")), qPrintable(err));
  QVERIFY2(err.contains(expected), qPrintable(err));
}

void TestProjectStore::refusesNewerFormat() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("new.streetlens"));
  QString err;
  QVERIFY(ProjectStore::open(path, &err));
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    q.finish();
    db.close();
  }
  QSqlDatabase::removeDatabase(QStringLiteral("bump"));
  auto s = ProjectStore::open(path, &err);
  QVERIFY(!s);
  QVERIFY2(err.contains(QStringLiteral("newer StreetLens")) && err.contains(QStringLiteral("new.streetlens")),
           qPrintable(err));

  // Another program's SQLite database.
  const QString other = dir.filePath(QStringLiteral("other.db"));
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
    db.setDatabaseName(other);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
    q.finish();
    db.close();
  }
  QSqlDatabase::removeDatabase(QStringLiteral("other"));
  QVERIFY(!ProjectStore::open(other, &err));
  QVERIFY2(err.contains(QStringLiteral("another program")), qPrintable(err));
}

void TestProjectStore::readOnlyFileMessage() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("ro.streetlens"));
  QString err;
  {
    auto s = ProjectStore::open(path, &err);
    QVERIFY(s);
    QVERIFY(s->saveResult(sampleResult(sha('a')), &err));
  }
  QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser));
  auto s = ProjectStore::open(path, &err);
  QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
  QVERIFY(!s);
  QVERIFY2(err.contains(QStringLiteral("ro.streetlens is read-only")), qPrintable(err));
}

void TestProjectStore::diskFullMessage() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("full.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->saveResult(sampleResult(sha('1')), &err));
  s->setMaxPageCountForTest(1); // below the current size: every growth fails with SQLITE_FULL
  ImageResult big = sampleResult(sha('2'));
  for (int i = 0; i < 2000; ++i)
    big.cities.push_back(big.cities.front());
  QVERIFY(!s->saveResult(big, &err));
  QVERIFY2(err.contains(QStringLiteral("disk is full")) && err.contains(QStringLiteral("full.streetlens")),
           qPrintable(err));
  // What was saved before is still there.
  QVERIFY(s->image(sha('1')));
  QVERIFY(!s->image(sha('2')));
}

void TestProjectStore::workerThreadWritesWhileGuiReads() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("mt.streetlens"));
  QString err;
  auto gui = ProjectStore::open(path, &err);
  QVERIFY(gui);
  constexpr int kCount = 40;
  QString workerError;
  QThread *worker = QThread::create([&] {
    QString e;
    auto s = ProjectStore::open(path, &e);
    if (!s) {
      workerError = e;
      return;
    }
    for (int i = 0; i < kCount; ++i) {
      if (!s->saveResult(sampleResult(QStringLiteral("%1").arg(i, 64, 10, QLatin1Char('0'))), &e)) {
        workerError = e;
        return;
      }
    }
  });
  worker->start();
  int reads = 0;
  while (!worker->isFinished()) {
    QVERIFY(gui->loadAll(&err));
    ++reads;
    QThread::yieldCurrentThread();
  }
  worker->wait();
  delete worker;
  QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
  QVERIFY(reads > 0);
  QCOMPARE(gui->imageCount(), kCount);
  QVERIFY(gui->checkIntegrity(&err));
}

// The worker saves results while the GUI adds images: with BEGIN IMMEDIATE neither gets an
// immediate SQLITE_BUSY from a stale read snapshot.
void TestProjectStore::twoThreadsWriteConcurrently() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("rw.streetlens"));
  QString err;
  auto gui = ProjectStore::open(path, &err);
  QVERIFY(gui);
  constexpr int kCount = 60;
  QString workerError;
  QThread *worker = QThread::create([&] {
    QString e;
    auto s = ProjectStore::open(path, &e);
    for (int i = 0; s && i < kCount; ++i) {
      if (!s->saveResult(sampleResult(QStringLiteral("w%1").arg(i, 63, 10, QLatin1Char('0'))), &e)) {
        workerError = e;
        return;
      }
    }
    if (!s)
      workerError = e;
  });
  worker->start();
  for (int i = 0; i < kCount; ++i) {
    NewImage img;
    img.path = QStringLiteral("/g/%1.jpg").arg(i);
    img.sha256 = QStringLiteral("g%1").arg(i, 63, 10, QLatin1Char('0'));
    QVERIFY2(gui->addImage(img, &err), qPrintable(err));
    QVERIFY2(gui->loadAll(&err), qPrintable(err));
  }
  worker->wait();
  delete worker;
  QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
  QCOMPARE(gui->imageCount(), 2 * kCount);
  QVERIFY(gui->checkIntegrity(&err));
}

void TestProjectStore::saveCopyAs() {
  QTemporaryDir dir;
  QString err;
  auto s = ProjectStore::open(dir.filePath(QStringLiteral("a.streetlens")), &err);
  QVERIFY(s);
  QVERIFY(s->saveResult(sampleResult(sha('9')), &err));
  const QString copy = dir.filePath(QStringLiteral("copy.streetlens"));
  QVERIFY2(s->saveCopyAs(copy, &err), qPrintable(err));
  QVERIFY(!s->saveCopyAs(copy, &err));
  QVERIFY(err.contains(QStringLiteral("already exists")));
  auto c = ProjectStore::open(copy, &err);
  QVERIFY2(c, qPrintable(err));
  QCOMPARE(c->image(sha('9'))->result->estimateLabel, QStringLiteral("Paris, Île-de-France, France"));
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"

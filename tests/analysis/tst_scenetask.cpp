// Scene tasks without torch (issue 19): task files (rules and errors), the library (built-in, user,
// resolve), the zero-shot scorer against a softmax computed here from the fake engine's own text
// and image embeddings, probes (separable data, shuffled labels at chance, the optimum of the
// documented objective checked with a gradient computed here, another model refused), image
// embeddings kept in the project, and the pipeline re-scoring from them without the image tower.
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/LabelEmbeddingCache.h"
#include "core/analysis/LinearProbe.h"
#include "core/analysis/SceneTaskLibrary.h"
#include "core/analysis/SceneTaskScorer.h"
#include "core/store/ProjectStore.h"
#include "tests/support/FakeEngine.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace streetlens;
using streetlens::test::FakeEngine;

namespace {

std::vector<double> normalised(const float *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += double(v[i]) * v[i];
  s = std::sqrt(s);
  std::vector<double> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i)
    out[size_t(i)] = v[i] / s;
  return out;
}

// Two or three Gaussian clusters in `dim` dimensions (separable when `spread` is small).
std::vector<ProbeSample> clusters(int classes, int perClass, int dim, double spread, quint32 seed) {
  QRandomGenerator rng(seed);
  auto gauss = [&] {
    const double u1 = std::max(rng.generateDouble(), 1e-12), u2 = rng.generateDouble();
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  };
  std::vector<std::vector<double>> centres(static_cast<size_t>(classes),
                                           std::vector<double>(static_cast<size_t>(dim)));
  for (auto &c : centres)
    for (double &x : c)
      x = gauss();
  std::vector<ProbeSample> out;
  for (int i = 0; i < perClass; ++i)
    for (int c = 0; c < classes; ++c) {
      ProbeSample s;
      s.label = QStringLiteral("class %1").arg(c);
      for (int k = 0; k < dim; ++k)
        s.embedding.push_back(float(centres[size_t(c)][size_t(k)] + spread * gauss()));
      out.push_back(std::move(s));
    }
  return out;
}

QString writeImage(const QString &dir, int seed) {
  QImage img(80 + seed, 60, QImage::Format_RGB32);
  img.fill(QColor::fromHsv((seed * 53) % 360, 200, 180));
  const QString path = QDir(dir).filePath(QStringLiteral("p%1.png").arg(seed));
  img.save(path);
  return path;
}

} // namespace

class TestSceneTask : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private Q_SLOTS:
  void parsesTaskFiles_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("zero-shot")
        << QByteArray(
               R"({"name":"road-condition","question":"Road?","labels":["good","bad"],"templates":["a photo of a {} road."]})")
        << QString();
    QTest::newRow("verbatim labels") << QByteArray(R"({"name":"x","labels":["a","b"]})") << QString();
    QTest::newRow("not json") << QByteArray("{name") << QStringLiteral("not a task file");
    QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("expected a JSON object");
    QTest::newRow("no name") << QByteArray(R"({"labels":["a","b"]})") << QStringLiteral("no \"name\"");
    QTest::newRow("bad name") << QByteArray(R"({"name":"Road Condition","labels":["a","b"]})")
                              << QStringLiteral("road-condition");
    QTest::newRow("one label") << QByteArray(R"({"name":"x","labels":["a"]})")
                               << QStringLiteral("at least two");
    QTest::newRow("twice") << QByteArray(R"({"name":"x","labels":["a","a"]})")
                           << QStringLiteral("appears twice");
    QTest::newRow("template without {}")
        << QByteArray(R"({"name":"x","labels":["a","b"],"templates":["a photo"]})")
        << QStringLiteral("has no {}");
    QTest::newRow("probe rows")
        << QByteArray(
               R"({"name":"p","kind":"probe","classes":["a","b"],"model_sha256":"m","embedding_dim":2,"cv_accuracy":0.5,"weights":[[1,2]],"bias":[0,0]})")
        << QStringLiteral("1 rows for 2 classes");
    QTest::newRow("probe dim")
        << QByteArray(
               R"({"name":"p","kind":"probe","classes":["a","b"],"model_sha256":"m","embedding_dim":2,"cv_accuracy":0.5,"weights":[[1,2],[3]],"bias":[0,0]})")
        << QStringLiteral("2 numbers");
    QTest::newRow("probe model")
        << QByteArray(
               R"({"name":"p","kind":"probe","classes":["a","b"],"embedding_dim":1,"cv_accuracy":0.5,"weights":[[1],[2]],"bias":[0,0]})")
        << QStringLiteral("model_sha256");
    QTest::newRow("probe accuracy")
        << QByteArray(
               R"({"name":"p","kind":"probe","classes":["a","b"],"model_sha256":"m","embedding_dim":1,"cv_accuracy":2,"weights":[[1],[2]],"bias":[0,0]})")
        << QStringLiteral("cv_accuracy");
    QTest::newRow("probe ok")
        << QByteArray(
               R"({"name":"p","kind":"probe","classes":["a","b"],"model_sha256":"m","embedding_dim":1,"cv_accuracy":0.75,"weights":[[1],[2]],"bias":[0,0.5]})")
        << QString();
  }
  void parsesTaskFiles() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString err;
    const auto t = sceneTaskFromJson(json, QStringLiteral("my-task.json"), &err);
    if (error.isEmpty()) {
      QVERIFY2(t, qPrintable(err));
      const auto again = sceneTaskFromJson(sceneTaskToJson(*t), QStringLiteral("again"), &err); // round trip
      QVERIFY2(again, qPrintable(err));
      QVERIFY(*again == *t);
    } else {
      QVERIFY(!t);
      QVERIFY2(err.startsWith(QStringLiteral("my-task.json: ")), qPrintable(err));
      QVERIFY2(err.contains(error), qPrintable(err));
    }
  }

  void builtInTasksCoverTheModelCard() {
    QStringList problems;
    const QVector<SceneTask> tasks =
        SceneTaskLibrary::load(SceneTaskLibrary::Kind::Task, &problems, m_dir.filePath("none"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    QStringList names;
    for (const SceneTask &t : tasks) {
      names << t.name;
      QVERIFY(!t.question.isEmpty());
      QVERIFY(t.labels.size() >= 2);
      QVERIFY(!t.templates.isEmpty());
    }
    for (const char *need :
         {"building-type", "building-condition", "building-energy", "road-surface", "road-condition",
          "utility-poles", "damage", "vegetation-cover", "vegetation-type", "land-cover", "deforestation",
          "scene-type", "settlement-density"})
      QVERIFY2(names.contains(QLatin1String(need)), need);
    const QVector<SceneTask> clues =
        SceneTaskLibrary::load(SceneTaskLibrary::Kind::Clue, &problems, m_dir.filePath("none"));
    QStringList clueNames;
    for (const SceneTask &t : clues)
      clueNames << t.name;
    for (const char *need : {"driving-side", "sign-script", "centre-line", "bollards-poles", "climate",
                             "terrain", "settlement", "architecture"})
      QVERIFY2(clueNames.contains(QLatin1String(need)), need);
    const SceneTask script =
        *std::find_if(clues.begin(), clues.end(), [](const SceneTask &t) { return t.name == "sign-script"; });
    for (const char *s :
         {"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "Korean Hangul"})
      QVERIFY2(script.labels.contains(QLatin1String(s)), s);
  }

  void userTasksReplaceAndResolve() {
    const QString dir = m_dir.filePath(QStringLiteral("user-tasks"));
    SceneTask mine;
    mine.name = QStringLiteral("damage");
    mine.question = QStringLiteral("Mine?");
    mine.labels = {QStringLiteral("yes"), QStringLiteral("no")};
    QString err, saved;
    QVERIFY2(SceneTaskLibrary::saveUserTask(mine, SceneTaskLibrary::Kind::Task, &saved, &err, dir),
             qPrintable(err));
    QCOMPARE(saved, dir + QStringLiteral("/damage.json"));
    auto t = SceneTaskLibrary::resolve(QStringLiteral("damage"), SceneTaskLibrary::Kind::Task, &err, dir);
    QVERIFY2(t, qPrintable(err));
    QCOMPARE(t->question, QStringLiteral("Mine?")); // the user's replaces the built-in one
    t = SceneTaskLibrary::resolve(saved, SceneTaskLibrary::Kind::Task, &err, dir); // by file
    QVERIFY2(t && t->labels == mine.labels, qPrintable(err));
    QVERIFY(!SceneTaskLibrary::resolve(QStringLiteral("nope"), SceneTaskLibrary::Kind::Task, &err, dir));
    QVERIFY2(err.contains(QStringLiteral("unknown task \"nope\"")) &&
                 err.contains(QStringLiteral("road-condition")),
             qPrintable(err));
    QVERIFY(
        !SceneTaskLibrary::resolve(QStringLiteral("/no/such.json"), SceneTaskLibrary::Kind::Task, &err, dir));
    QVERIFY2(err.contains(QStringLiteral("no such task file")), qPrintable(err));
    QVERIFY2(
        SceneTaskLibrary::removeUserTask(QStringLiteral("damage"), SceneTaskLibrary::Kind::Task, &err, dir),
        qPrintable(err));
    QVERIFY(!SceneTaskLibrary::removeUserTask(QStringLiteral("road-condition"), SceneTaskLibrary::Kind::Task,
                                              &err, dir));
    t = SceneTaskLibrary::resolve(QStringLiteral("damage"), SceneTaskLibrary::Kind::Task, &err, dir);
    QVERIFY(t && t->question != QStringLiteral("Mine?")); // the built-in one again
  }

  // Zero-shot: softmax over labels of exp(logit_scale)·cos(image, mean of the normalised prompt
  // embeddings, normalised again), computed here from the engine's embeddings one prompt at a time.
  void zeroShotEqualsEnsembledSoftmax_data() {
    QTest::addColumn<QStringList>("templates");
    QTest::newRow("verbatim") << QStringList();
    QTest::newRow("one template") << QStringList{QStringLiteral("a street view photo of {}.")};
    QTest::newRow("three templates") << QStringList{
        QStringLiteral("a photo of {}."), QStringLiteral("{} in a street."), QStringLiteral("it shows {}")};
  }
  void zeroShotEqualsEnsembledSoftmax() {
    QFETCH(QStringList, templates);
    FakeEngine engine;
    SceneTask t;
    t.name = QStringLiteral("t");
    t.labels = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
    t.templates = templates;
    SceneTaskScorer scorer;
    LabelEmbeddingCache cache(m_dir.filePath(QStringLiteral("cache")));
    QString err;
    QVERIFY2(scorer.prepare(engine, cache, {t}, {}, &err), qPrintable(err));
    const std::vector<float> image = test::fakeEmbedding("some image");
    const auto out = scorer.score(image.data(), FakeEngine::kDim);
    QCOMPARE(out.size(), size_t(1));
    const std::vector<double> x = normalised(image.data(), FakeEngine::kDim);
    std::vector<double> logits;
    for (const QString &label : t.labels) {
      std::vector<double> mean(FakeEngine::kDim, 0.0);
      const QStringList prompts = templates.isEmpty() ? QStringList{label} : [&] {
        QStringList p;
        for (const QString &tmpl : templates)
          p << QString(tmpl).replace(QStringLiteral("{}"), label);
        return p;
      }();
      for (const QString &prompt : prompts) {
        const EmbeddingMatrix e = engine.embedTexts({prompt}, &err);
        const std::vector<double> n = normalised(e.row(0), e.cols);
        for (int k = 0; k < FakeEngine::kDim; ++k)
          mean[size_t(k)] += n[size_t(k)];
      }
      std::vector<float> meanF(mean.begin(), mean.end());
      const std::vector<double> m = normalised(meanF.data(), FakeEngine::kDim);
      double dot = 0;
      for (int k = 0; k < FakeEngine::kDim; ++k)
        dot += m[size_t(k)] * x[size_t(k)];
      logits.push_back(double(engine.logitScale()) * dot);
    }
    const double mx = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (double l : logits)
      sum += std::exp(l - mx);
    for (size_t i = 0; i < logits.size(); ++i)
      QVERIFY2(std::abs(out[0].probs[i] - std::exp(logits[i] - mx) / sum) < 1e-5,
               qPrintable(QStringLiteral("label %1: %2").arg(i).arg(out[0].probs[i])));
    QCOMPARE(out[0].labels, t.labels);
  }

  void probeLearnsSeparableClasses_data() {
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("perClass");
    QTest::newRow("2 classes x 40") << 2 << 40;
    QTest::newRow("3 classes x 30") << 3 << 30;
    QTest::newRow("4 classes x 8 (few-shot)") << 4 << 8;
  }
  void probeLearnsSeparableClasses() {
    QFETCH(int, classes);
    QFETCH(int, perClass);
    const auto samples = clusters(classes, perClass, 64, 0.25, 7);
    ProbeTraining o;
    o.name = QStringLiteral("My Probe");
    o.modelSha256 = QStringLiteral("abc");
    QString err;
    const auto t = trainLinearProbe(samples, o, &err);
    QVERIFY2(t, qPrintable(err));
    QCOMPARE(t->name, QStringLiteral("my-probe"));
    QCOMPARE(int(t->labels.size()), classes);
    QVERIFY2(t->probe->cvAccuracy >= 0.95, qPrintable(QString::number(t->probe->cvAccuracy)));
    int total = 0, diagonal = 0;
    for (int i = 0; i < classes; ++i)
      for (int j = 0; j < classes; ++j) {
        total += t->probe->confusion[size_t(i)][size_t(j)];
        diagonal += i == j ? t->probe->confusion[size_t(i)][size_t(j)] : 0;
      }
    QCOMPARE(total, classes * perClass);
    QCOMPARE(double(diagonal) / total, t->probe->cvAccuracy);
  }

  // Shuffled labels carry no information: cross-validated accuracy stays near the chance level
  // (the majority class's share), which the probe reports.
  void probeOnShuffledLabelsIsAtChance() {
    auto samples = clusters(2, 60, 64, 0.25, 11);
    QRandomGenerator rng(5);
    for (auto &s : samples)
      s.label = rng.bounded(2) ? QStringLiteral("x") : QStringLiteral("y");
    QString err;
    const auto t = trainLinearProbe(samples, {}, &err);
    QVERIFY2(t, qPrintable(err));
    QCOMPARE(t->probe->chance, majorityChance(samples));
    QVERIFY2(std::abs(t->probe->cvAccuracy - t->probe->chance) <= 0.15,
             qPrintable(QStringLiteral("%1 vs chance %2").arg(t->probe->cvAccuracy).arg(t->probe->chance)));
  }

  // The weights minimise (1/n) Σ −log softmax(W x̂ᵢ + b)[yᵢ] + (λ/2)‖W‖²: its gradient, computed here
  // in double from the saved weights, vanishes.
  void probeIsTheRegularisedOptimum() {
    const auto samples = clusters(3, 12, 16, 0.8, 3); // overlapping: a finite optimum
    QString err;
    const auto t = trainLinearProbe(samples, {}, &err);
    QVERIFY2(t, qPrintable(err));
    const ProbeWeights &p = *t->probe;
    const int c = int(t->labels.size()), d = p.dim, n = int(samples.size());
    std::vector<double> gw(static_cast<size_t>(c * d), 0.0), gb(static_cast<size_t>(c), 0.0);
    for (const ProbeSample &s : samples) {
      const std::vector<double> x = normalised(s.embedding.data(), d);
      std::vector<double> z(static_cast<size_t>(c));
      for (int k = 0; k < c; ++k) {
        z[size_t(k)] = p.bias[size_t(k)];
        for (int j = 0; j < d; ++j)
          z[size_t(k)] += p.weights[size_t(k * d + j)] * x[size_t(j)];
      }
      const double mx = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double v : z)
        sum += std::exp(v - mx);
      const int y = int(t->labels.indexOf(s.label));
      for (int k = 0; k < c; ++k) {
        const double r = (std::exp(z[size_t(k)] - mx) / sum - (k == y ? 1 : 0)) / n;
        gb[size_t(k)] += r;
        for (int j = 0; j < d; ++j)
          gw[size_t(k * d + j)] += r * x[size_t(j)];
      }
    }
    double norm = 0;
    for (int i = 0; i < c * d; ++i)
      norm += std::pow(gw[size_t(i)] + p.lambda * p.weights[size_t(i)], 2);
    for (double g : gb)
      norm += g * g;
    QVERIFY2(std::sqrt(norm) < 1e-4,
             qPrintable(QStringLiteral("gradient %1 at lambda %2").arg(std::sqrt(norm)).arg(p.lambda)));
  }

  void probeRefusesTooFewPhotos_data() {
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("error");
    QTest::newRow("one class") << QStringList{"a", "a", "a"} << QStringLiteral("at least two classes");
    QTest::newRow("one photo of b") << QStringList{"a", "a", "b"}
                                    << QStringLiteral("\"b\" has only one photo");
  }
  void probeRefusesTooFewPhotos() {
    QFETCH(QStringList, labels);
    QFETCH(QString, error);
    std::vector<ProbeSample> samples;
    for (const QString &l : labels)
      samples.push_back({test::fakeEmbedding(l.toUtf8() + QByteArray::number(samples.size())), l});
    QString err;
    QVERIFY(!trainLinearProbe(samples, {}, &err));
    QVERIFY2(err.contains(error), qPrintable(err));
  }

  // A probe scores softmax(W x̂ + b); one trained for another model is refused with its file named.
  void probeScoresAndIsTiedToItsModel() {
    FakeEngine engine;
    auto samples = clusters(2, 6, FakeEngine::kDim, 0.3, 9);
    ProbeTraining o;
    o.modelSha256 = engine.info().modelHash;
    QString err;
    auto t = trainLinearProbe(samples, o, &err);
    QVERIFY2(t, qPrintable(err));
    t->source = QStringLiteral("probe.json");
    SceneTaskScorer scorer;
    LabelEmbeddingCache cache(m_dir.filePath(QStringLiteral("cache")));
    QVERIFY2(scorer.prepare(engine, cache, {*t}, {}, &err), qPrintable(err));
    const auto out = scorer.score(samples[0].embedding.data(), FakeEngine::kDim);
    const std::vector<double> x = normalised(samples[0].embedding.data(), FakeEngine::kDim);
    std::vector<double> z;
    for (int k = 0; k < 2; ++k) {
      double v = t->probe->bias[size_t(k)];
      for (int j = 0; j < FakeEngine::kDim; ++j)
        v += t->probe->weights[size_t(k * FakeEngine::kDim + j)] * x[size_t(j)];
      z.push_back(v);
    }
    const double p0 = 1.0 / (1.0 + std::exp(z[1] - z[0]));
    QVERIFY(std::abs(out[0].probs[0] - p0) < 1e-9);
    t->probe->modelSha256 = QStringLiteral("0123456789abcdef0123");
    QVERIFY(!scorer.prepare(engine, cache, {*t}, {}, &err));
    QVERIFY2(err.startsWith(QStringLiteral("probe.json: ")) && err.contains(QStringLiteral("another model")),
             qPrintable(err));
  }

  void embeddingsAreKeptInTheProject() {
    QString err;
    const QString path = m_dir.filePath(QStringLiteral("emb.streetlens"));
    auto store = store::ProjectStore::open(path, &err);
    QVERIFY2(store, qPrintable(err));
    store::NewImage img;
    img.path = QStringLiteral("/x/a.jpg");
    img.sha256 = QString(64, QLatin1Char('a'));
    QVERIFY(store->addImage(img, &err));
    const std::vector<float> v{1.5f, -2.25f, 3.0f, 1e-7f};
    QVERIFY(!store->imageEmbedding(img.sha256, QStringLiteral("m1"))); // none yet (no table either)
    QVERIFY2(store->setImageEmbedding(img.sha256, QStringLiteral("m1"), v.data(), 4, &err), qPrintable(err));
    QVERIFY(
        !store->setImageEmbedding(QString(64, QLatin1Char('b')), QStringLiteral("m1"), v.data(), 4, &err));
    QVERIFY2(err.contains(QStringLiteral("no image")), qPrintable(err));
    QCOMPARE(*store->imageEmbedding(img.sha256, QStringLiteral("m1")), v); // exact: float32 kept
    QVERIFY(!store->imageEmbedding(img.sha256, QStringLiteral("m2")));
    QCOMPARE(store->embeddingModels(), QStringList{QStringLiteral("m1")});
    QCOMPARE(store->imageEmbeddings(QStringLiteral("m1")).size(), size_t(1));
    store.reset();
    store = store::ProjectStore::open(path, &err); // reopened
    QCOMPARE(*store->imageEmbedding(img.sha256, QStringLiteral("m1")), v);
    QVERIFY(store->remove(img.sha256, &err)); // removed with its image
    QVERIFY(store->imageEmbeddings(QStringLiteral("m1")).empty());
  }

  // Changing the tasks re-scores every photo from its kept embedding: the image tower does not run.
  void pipelineRescoresFromKeptEmbeddings() {
    QString err;
    auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
    QVERIFY2(gaz, qPrintable(err));
    const QString project = m_dir.filePath(QStringLiteral("rescore.streetlens"));
    QStringList photos;
    for (int i = 0; i < 4; ++i)
      photos << writeImage(m_dir.path(), i);
    auto run = [&](const AnalysisSettings &s, FakeEngine &engine) {
      GeoAnalyzer analyzer(engine, gaz, s, m_dir.filePath(QStringLiteral("cache")));
      QString e;
      if (!analyzer.prepare({}, &e))
        qFatal("%s", qPrintable(e));
      std::vector<ImageResult> out;
      AnalysisSession::Callbacks cb;
      cb.finished = [&](std::shared_ptr<AnalysisItem> item) { out.push_back(item->result); };
      AnalysisSession session(std::move(cb));
      session.setMakeImages(false);
      session.setProject(store::ProjectStore::open(project, &e));
      session.setAnalyzer(&engine, &analyzer, 2);
      for (const QString &p : photos)
        session.enqueue({0, p, {}, {}});
      session.runAll();
      return out;
    };
    AnalysisSettings s;
    s.mode = AnalysisSettings::Mode::Flat;
    FakeEngine first;
    const auto before = run(s, first);
    QCOMPARE(first.imagesEmbedded(), 4);
    s.tasks = {*SceneTaskLibrary::resolve(QStringLiteral("damage"), SceneTaskLibrary::Kind::Task, &err)};
    FakeEngine second;
    const auto after = run(s, second);
    QCOMPARE(second.imagesEmbedded(), 0); // every photo scored from its kept embedding
    QCOMPARE(after.size(), size_t(4));
    for (size_t i = 0; i < after.size(); ++i) {
      QCOMPARE(after[i].status, ImageStatus::Done);
      QCOMPARE(after[i].tasks.size(), size_t(1));
      QCOMPARE(after[i].countries.front().code, before[i].countries.front().code); // the same answer
      QCOMPARE(after[i].countries.front().probability, before[i].countries.front().probability);
    }
    // The project keeps the tasks' answers with the result.
    auto store = store::ProjectStore::open(project, &err);
    const auto stored = store->image(after[0].sha256);
    QVERIFY(stored && stored->result);
    QCOMPARE(stored->result->tasks.size(), size_t(1));
    QCOMPARE(stored->result->tasks[0].probs, after[0].tasks[0].probs);
  }
};

QTEST_GUILESS_MAIN(TestSceneTask)
#include "tst_scenetask.moc"

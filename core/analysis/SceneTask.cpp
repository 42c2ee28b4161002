#include "core/analysis/SceneTask.h"

#include "core/analysis/ZeroShot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <cmath>

namespace streetlens {

namespace {

QJsonArray numbers(const std::vector<double> &v) {
  QJsonArray a;
  for (double x : v)
    a.append(x);
  return a;
}

// Every element a finite number; nullopt otherwise.
std::optional<std::vector<double>> numbersFrom(const QJsonValue &v) {
  if (!v.isArray())
    return std::nullopt;
  std::vector<double> out;
  for (const QJsonValue &x : v.toArray()) {
    if (!x.isDouble() || !std::isfinite(x.toDouble()))
      return std::nullopt;
    out.push_back(x.toDouble());
  }
  return out;
}

QStringList stringsFrom(const QJsonValue &v) {
  QStringList out;
  for (const QJsonValue &x : v.toArray())
    out << x.toString().trimmed();
  return out;
}

std::optional<ProbeWeights> probeFrom(const QJsonObject &o, int classes, const QString &src, QString *error) {
  auto fail = [&](const QString &what) {
    if (error)
      *error = QStringLiteral("%1: %2").arg(src, what);
    return std::nullopt;
  };
  ProbeWeights p;
  p.modelSha256 = o.value(QStringLiteral("model_sha256")).toString();
  p.dim = o.value(QStringLiteral("embedding_dim")).toInt();
  p.cvAccuracy = o.value(QStringLiteral("cv_accuracy")).toDouble(-1);
  p.chance = o.value(QStringLiteral("chance")).toDouble();
  p.lambda = o.value(QStringLiteral("lambda")).toDouble();
  p.folds = o.value(QStringLiteral("folds")).toInt();
  p.samples = o.value(QStringLiteral("samples")).toInt();
  if (p.modelSha256.isEmpty())
    return fail(QStringLiteral("the probe names no model (\"model_sha256\")"));
  if (p.dim <= 0)
    return fail(QStringLiteral("the probe has no embedding dimension (\"embedding_dim\")"));
  if (p.cvAccuracy < 0 || p.cvAccuracy > 1)
    return fail(QStringLiteral("\"cv_accuracy\" must be between 0 and 1"));
  const QJsonArray rows = o.value(QStringLiteral("weights")).toArray();
  if (rows.size() != classes)
    return fail(QStringLiteral("\"weights\" has %1 rows for %2 classes").arg(rows.size()).arg(classes));
  for (const QJsonValue &row : rows) {
    const auto r = numbersFrom(row);
    if (!r || int(r->size()) != p.dim)
      return fail(QStringLiteral("every row of \"weights\" must hold %1 numbers").arg(p.dim));
    p.weights.insert(p.weights.end(), r->begin(), r->end());
  }
  const auto bias = numbersFrom(o.value(QStringLiteral("bias")));
  if (!bias || int(bias->size()) != classes)
    return fail(QStringLiteral("\"bias\" must hold %1 numbers").arg(classes));
  p.bias = *bias;
  for (const QJsonValue &row : o.value(QStringLiteral("confusion")).toArray()) {
    std::vector<int> r;
    for (const QJsonValue &x : row.toArray())
      r.push_back(x.toInt());
    p.confusion.push_back(std::move(r));
  }
  return p;
}

} // namespace

QStringList SceneTask::prompts(int label) const {
  if (templates.isEmpty())
    return {labels.value(label)};
  QStringList out;
  for (const QString &t : templates)
    out << applyTemplate(t, labels.value(label));
  return out;
}

QString SceneTask::fingerprint() const {
  return QString::fromUtf8(sceneTaskToJson(*this)).remove(QLatin1Char('\n'));
}

int TaskOutcome::best() const {
  int b = -1;
  for (int i = 0; i < int(probs.size()); ++i)
    if (b < 0 || probs[size_t(i)] > probs[size_t(b)])
      b = i;
  return b;
}

std::optional<SceneTask> sceneTaskFromJson(const QByteArray &json, const QString &src, QString *error) {
  auto fail = [&](const QString &what) {
    if (error)
      *error = QStringLiteral("%1: %2").arg(src, what);
    return std::nullopt;
  };
  QJsonParseError pe;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
  if (pe.error != QJsonParseError::NoError)
    return fail(
        QStringLiteral("not a task file (JSON error at byte %1: %2)").arg(pe.offset).arg(pe.errorString()));
  if (!doc.isObject())
    return fail(QStringLiteral("not a task file (expected a JSON object)"));
  const QJsonObject o = doc.object();
  SceneTask t;
  t.source = src;
  t.name = o.value(QStringLiteral("name")).toString().trimmed();
  t.question = o.value(QStringLiteral("question")).toString().trimmed();
  const bool probe = o.value(QStringLiteral("kind")).toString() == QLatin1String("probe") ||
                     o.contains(QStringLiteral("weights"));
  t.labels = stringsFrom(o.value(probe && o.contains(QStringLiteral("classes")) ? QStringLiteral("classes")
                                                                                : QStringLiteral("labels")));
  t.templates = stringsFrom(o.value(QStringLiteral("templates")));
  if (t.name.isEmpty())
    return fail(QStringLiteral("the task has no \"name\""));
  if (t.name != sceneTaskNameFrom(t.name))
    return fail(
        QStringLiteral("the name \"%1\" may hold only lower-case letters, digits and '-' (e.g. \"%2\")")
            .arg(t.name, sceneTaskNameFrom(t.name)));
  if (t.labels.size() < 2)
    return fail(QStringLiteral("the task needs at least two %1")
                    .arg(probe ? QStringLiteral("\"classes\"") : QStringLiteral("\"labels\"")));
  if (t.labels.contains(QString()))
    return fail(QStringLiteral("a label is empty"));
  if (t.labels.removeDuplicates() > 0)
    return fail(QStringLiteral("a label appears twice"));
  for (const QString &templ : t.templates)
    if (!templ.contains(QStringLiteral("{}")))
      return fail(QStringLiteral("the template \"%1\" has no {} for the label").arg(templ));
  if (probe) {
    auto p = probeFrom(o, int(t.labels.size()), src, error);
    if (!p)
      return std::nullopt;
    t.probe = std::move(*p);
    t.templates.clear();
  }
  return t;
}

QByteArray sceneTaskToJson(const SceneTask &t) {
  QJsonObject o{{QStringLiteral("name"), t.name}, {QStringLiteral("question"), t.question}};
  if (!t.probe) {
    o.insert(QStringLiteral("labels"), QJsonArray::fromStringList(t.labels));
    if (!t.templates.isEmpty())
      o.insert(QStringLiteral("templates"), QJsonArray::fromStringList(t.templates));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
  }
  const ProbeWeights &p = *t.probe;
  o.insert(QStringLiteral("kind"), QStringLiteral("probe"));
  o.insert(QStringLiteral("classes"), QJsonArray::fromStringList(t.labels));
  o.insert(QStringLiteral("model_sha256"), p.modelSha256);
  o.insert(QStringLiteral("embedding_dim"), p.dim);
  o.insert(QStringLiteral("cv_accuracy"), p.cvAccuracy);
  o.insert(QStringLiteral("chance"), p.chance);
  o.insert(QStringLiteral("lambda"), p.lambda);
  o.insert(QStringLiteral("folds"), p.folds);
  o.insert(QStringLiteral("samples"), p.samples);
  QJsonArray confusion;
  for (const auto &row : p.confusion) {
    QJsonArray r;
    for (int x : row)
      r.append(x);
    confusion.append(r);
  }
  o.insert(QStringLiteral("confusion"), confusion);
  QJsonArray rows;
  for (int c = 0; c < t.labels.size(); ++c)
    rows.append(numbers(std::vector<double>(p.weights.begin() + qsizetype(c) * p.dim,
                                            p.weights.begin() + qsizetype(c + 1) * p.dim)));
  o.insert(QStringLiteral("weights"), rows);
  o.insert(QStringLiteral("bias"), numbers(p.bias));
  return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<SceneTask> readSceneTask(const QString &path, QString *error) {
  QFile f(path);
  const QString name = path.startsWith(QLatin1Char(':')) ? path : QDir::toNativeSeparators(path);
  if (!f.open(QIODevice::ReadOnly)) {
    if (error)
      *error = QStringLiteral("%1: cannot be read (%2)").arg(name, f.errorString());
    return std::nullopt;
  }
  auto t = sceneTaskFromJson(f.readAll(), name, error);
  if (t)
    t->source = path;
  return t;
}

bool writeSceneTask(const SceneTask &task, const QString &path, QString *error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(sceneTaskToJson(task)) < 0 || !f.commit()) {
    if (error)
      *error =
          QStringLiteral("%1: cannot be written (%2)").arg(QDir::toNativeSeparators(path), f.errorString());
    return false;
  }
  return true;
}

QJsonObject outcomesToJson(const std::vector<TaskOutcome> &outcomes) {
  QJsonObject o;
  for (const TaskOutcome &t : outcomes) {
    QJsonArray probs;
    for (double p : t.probs)
      probs.append(p);
    QJsonObject one{{QStringLiteral("labels"), QJsonArray::fromStringList(t.labels)},
                    {QStringLiteral("probs"), probs}};
    if (!t.question.isEmpty())
      one.insert(QStringLiteral("question"), t.question);
    o.insert(t.name, one);
  }
  return o;
}

std::vector<TaskOutcome> outcomesFromJson(const QJsonObject &obj) {
  std::vector<TaskOutcome> out;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const QJsonObject one = it.value().toObject();
    TaskOutcome t;
    t.name = it.key();
    t.question = one.value(QStringLiteral("question")).toString();
    for (const QJsonValue &l : one.value(QStringLiteral("labels")).toArray())
      t.labels << l.toString();
    for (const QJsonValue &p : one.value(QStringLiteral("probs")).toArray())
      t.probs.push_back(p.toDouble());
    if (t.labels.size() == qsizetype(t.probs.size()))
      out.push_back(std::move(t));
  }
  return out;
}

QString sceneTaskNameFrom(const QString &title) {
  QString s = title.toLower();
  s.replace(QRegularExpression(QStringLiteral("[^\\p{Ll}\\p{Lo}\\p{Nd}]+")), QStringLiteral("-"));
  while (s.startsWith(QLatin1Char('-')))
    s.remove(0, 1);
  while (s.endsWith(QLatin1Char('-')))
    s.chop(1);
  return s;
}

} // namespace streetlens

#include "core/analysis/Explanation.h"

#include <QJsonArray>
#include <cmath>

namespace streetlens {

QString explainMethodId(ExplainMethod m) {
  return m == ExplainMethod::Rollout ? QStringLiteral("rollout") : QStringLiteral("occlusion");
}

std::optional<ExplainMethod> explainMethodFromId(const QString &id) {
  if (id == QLatin1String("rollout"))
    return ExplainMethod::Rollout;
  if (id == QLatin1String("occlusion"))
    return ExplainMethod::Occlusion;
  return std::nullopt;
}

QStringList normalizedPrompts(const ExplainRequest &r) {
  QStringList p = r.prompts;
  if (p.size() == 1)
    p << QString();
  return p;
}

QString explainCancelledError() {
  return QStringLiteral("cancelled");
}

QJsonObject patchGridToJson(const PatchGrid &g) {
  QJsonArray values;
  for (float v : g.values)
    values.append(double(v));
  QJsonObject o;
  o.insert(QStringLiteral("method"), explainMethodId(g.method));
  o.insert(QStringLiteral("label"), g.label);
  o.insert(QStringLiteral("rows"), g.rows);
  o.insert(QStringLiteral("cols"), g.cols);
  o.insert(QStringLiteral("values"), values);
  o.insert(QStringLiteral("target_probability"), g.targetProbability);
  return o;
}

std::optional<PatchGrid> patchGridFromJson(const QJsonObject &o, QString *error) {
  auto fail = [&](const QString &msg) -> std::optional<PatchGrid> {
    if (error)
      *error = msg;
    return std::nullopt;
  };
  const auto method = explainMethodFromId(o.value(QStringLiteral("method")).toString());
  if (!method)
    return fail(QStringLiteral("explanation: unknown \"method\""));
  PatchGrid g;
  g.method = *method;
  g.label = o.value(QStringLiteral("label")).toString();
  g.rows = o.value(QStringLiteral("rows")).toInt();
  g.cols = o.value(QStringLiteral("cols")).toInt();
  g.targetProbability = o.value(QStringLiteral("target_probability")).toDouble();
  if (g.rows <= 0 || g.cols <= 0 || g.rows > 1024 || g.cols > 1024)
    return fail(QStringLiteral("explanation: \"rows\"/\"cols\" out of range"));
  const QJsonArray values = o.value(QStringLiteral("values")).toArray();
  if (values.size() != qsizetype(g.rows) * g.cols)
    return fail(QStringLiteral("explanation: %1 values for a %2 x %3 grid")
                    .arg(values.size())
                    .arg(g.rows)
                    .arg(g.cols));
  g.values.reserve(size_t(values.size()));
  for (const auto &v : values) {
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
      return fail(QStringLiteral("explanation: a value is not a finite number"));
    g.values.push_back(float(v.toDouble()));
  }
  return g;
}

} // namespace streetlens

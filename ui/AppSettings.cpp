#include "ui/AppSettings.h"

#include "core/analysis/SceneTaskLibrary.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <algorithm>

namespace streetlens::ui {

namespace {
const QString kSep = QStringLiteral("\n");
QStringList lines(const QString &s) {
  QStringList out;
  for (const QString &l : s.split(QLatin1Char('\n')))
    if (!l.trimmed().isEmpty())
      out << l;
  return out;
}
} // namespace

AppSettings AppSettings::load() {
  QSettings s;
  return load(s);
}

void AppSettings::save() const {
  QSettings s;
  save(s);
}

AppSettings AppSettings::load(QSettings &s) {
  AppSettings a;
  s.beginGroup(QStringLiteral("model"));
  a.modelDir = s.value(QStringLiteral("dir")).toString();
  a.device = s.value(QStringLiteral("device"), a.device).toString();
  a.precision = s.value(QStringLiteral("precision"), a.precision).toString();
  a.batchSize = qBound(0, s.value(QStringLiteral("batchSize"), a.batchSize).toInt(), 256);
  a.downloadEndpoint = s.value(QStringLiteral("downloadEndpoint"), a.downloadEndpoint).toString();
  s.endGroup();
  s.beginGroup(QStringLiteral("analysis"));
  AnalysisSettings &an = a.analysis;
  if (auto m = AnalysisSettings::modeFromName(s.value(QStringLiteral("mode")).toString()))
    an.mode = *m;
  an.topK = qBound(1, s.value(QStringLiteral("topK"), an.topK).toInt(), 50);
  const auto tpl = [&](const char *key, QStringList &target) {
    const QStringList l = lines(s.value(QLatin1String(key)).toString());
    if (!l.isEmpty())
      target = l;
  };
  tpl("countryTemplates", an.countryTemplates);
  tpl("regionTemplates", an.regionTemplates);
  tpl("cityTemplates", an.cityTemplates);
  a.candidateListFile = s.value(QStringLiteral("candidateListFile")).toString();
  a.sceneTasks = s.value(QStringLiteral("sceneTasks")).toStringList();
  a.clueReadings = s.value(QStringLiteral("clueReadings"), a.clueReadings).toBool();
  s.endGroup();
  s.beginGroup(QStringLiteral("gallery"));
  GallerySetting &g = a.gallery;
  g.file = s.value(QStringLiteral("file")).toString();
  g.options.k =
      qBound(GallerySetting::kMinK, s.value(QStringLiteral("k"), g.options.k).toInt(), GallerySetting::kMaxK);
  g.options.bandwidthKm = qBound(GallerySetting::kMinBandwidthKm,
                                 s.value(QStringLiteral("bandwidthKm"), g.options.bandwidthKm).toDouble(),
                                 GallerySetting::kMaxBandwidthKm);
  g.options.temperature = qBound(GallerySetting::kMinTemperature,
                                 s.value(QStringLiteral("temperature"), g.options.temperature).toDouble(),
                                 GallerySetting::kMaxTemperature);
  g.options.weight =
      qBound(GallerySetting::kMinWeight, s.value(QStringLiteral("weight"), g.options.weight).toDouble(),
             GallerySetting::kMaxWeight);
  s.endGroup();
  a.recentProjects = s.value(QStringLiteral("recentProjects")).toStringList();
  a.responsibleUseAcknowledged = s.value(QStringLiteral("responsibleUseAcknowledged"), false).toBool();
  s.beginGroup(QStringLiteral("window"));
  a.windowGeometry = s.value(QStringLiteral("geometry")).toByteArray();
  a.windowState = s.value(QStringLiteral("state")).toByteArray();
  a.splitterState = s.value(QStringLiteral("splitter")).toByteArray();
  s.endGroup();
  return a;
}

void AppSettings::save(QSettings &s) const {
  s.beginGroup(QStringLiteral("model"));
  s.setValue(QStringLiteral("dir"), modelDir);
  s.setValue(QStringLiteral("device"), device);
  s.setValue(QStringLiteral("precision"), precision);
  s.setValue(QStringLiteral("batchSize"), batchSize);
  s.setValue(QStringLiteral("downloadEndpoint"), downloadEndpoint);
  s.endGroup();
  s.beginGroup(QStringLiteral("analysis"));
  s.setValue(QStringLiteral("mode"), AnalysisSettings::modeName(analysis.mode));
  s.setValue(QStringLiteral("topK"), analysis.topK);
  s.setValue(QStringLiteral("countryTemplates"), analysis.countryTemplates.join(kSep));
  s.setValue(QStringLiteral("regionTemplates"), analysis.regionTemplates.join(kSep));
  s.setValue(QStringLiteral("cityTemplates"), analysis.cityTemplates.join(kSep));
  s.setValue(QStringLiteral("candidateListFile"), candidateListFile);
  s.setValue(QStringLiteral("sceneTasks"), sceneTasks);
  s.setValue(QStringLiteral("clueReadings"), clueReadings);
  s.endGroup();
  s.beginGroup(QStringLiteral("gallery"));
  s.setValue(QStringLiteral("file"), gallery.file);
  s.setValue(QStringLiteral("k"), gallery.options.k);
  s.setValue(QStringLiteral("bandwidthKm"), gallery.options.bandwidthKm);
  s.setValue(QStringLiteral("temperature"), gallery.options.temperature);
  s.setValue(QStringLiteral("weight"), gallery.options.weight);
  s.endGroup();
  s.setValue(QStringLiteral("recentProjects"), recentProjects);
  s.setValue(QStringLiteral("responsibleUseAcknowledged"), responsibleUseAcknowledged);
  s.beginGroup(QStringLiteral("window"));
  s.setValue(QStringLiteral("geometry"), windowGeometry);
  s.setValue(QStringLiteral("state"), windowState);
  s.setValue(QStringLiteral("splitter"), splitterState);
  s.endGroup();
  s.sync();
}

EngineOptions AppSettings::engineOptions() const {
  EngineOptions r;
  r.modelDir = modelDir;
  r.device = device;
  r.precision = precision;
  r.batchSize = batchSize;
  return r;
}

void AppSettings::addRecentProject(const QString &path) {
  const QString abs = QDir::cleanPath(QDir(path).absolutePath());
  recentProjects.removeAll(abs);
  recentProjects.prepend(abs);
  while (recentProjects.size() > kMaxRecent)
    recentProjects.removeLast();
}

bool AppSettings::effectiveAnalysis(AnalysisSettings &out, QString *error, QStringList *missingTasks) const {
  out = analysis;
  out.customCandidates.clear();
  out.tasks.clear();
  out.clues.clear();
  if (!sceneTasks.isEmpty()) {
    const QVector<SceneTask> all = SceneTaskLibrary::load(SceneTaskLibrary::Kind::Task);
    for (const QString &name : sceneTasks) {
      const auto it =
          std::find_if(all.begin(), all.end(), [&](const SceneTask &t) { return t.name == name; });
      if (it != all.end())
        out.tasks.push_back(*it);
      else if (missingTasks)
        *missingTasks << name;
    }
  }
  if (clueReadings)
    out.clues = SceneTaskLibrary::load(SceneTaskLibrary::Kind::Clue);
  if (candidateListFile.isEmpty())
    return true;
  QFile f(candidateListFile);
  if (!f.open(QIODevice::ReadOnly)) {
    if (error)
      *error = QStringLiteral("%1: cannot be read (%2).")
                   .arg(QDir::toNativeSeparators(candidateListFile), f.errorString());
    return false;
  }
  const auto parsed = parseCandidateList(f.readAll(), QDir::toNativeSeparators(candidateListFile), error);
  if (!parsed)
    return false;
  out.customCandidates = *parsed;
  return true;
}

} // namespace streetlens::ui

#include "core/analysis/SiteFusion.h"

#include "core/export/Csv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <map>

namespace streetlens {

namespace {

constexpr double kFloor = 1e-12;

QString leafKey(const PlaceLeaf &l) {
  switch (l.kind) {
  case PlaceLeaf::Kind::City:
    return QStringLiteral("c:") + l.place.code;
  case PlaceLeaf::Kind::Region:
    return QStringLiteral("r:") + l.place.code.toUpper();
  case PlaceLeaf::Kind::Country:
    return QStringLiteral("k:") + l.place.code.toUpper();
  }
  return {};
}

// One photo's leaves, indexed, with what is needed to price a leaf it does not list.
struct PhotoLeaves {
  QHash<QString, double> mass; // normalised
  double minCity = 0, minRegion = 0, minCountry = 0;

  explicit PhotoLeaves(const ImageResult &r) {
    double total = 0;
    const auto leaves = placeLeaves(r);
    for (const auto &l : leaves)
      total += l.mass;
    auto lower = [](double &m, double v) { m = (m == 0 || v < m) ? v : m; };
    for (const auto &l : leaves) {
      const double m = total > 0 ? l.mass / total : 0.0;
      mass.insert(leafKey(l), m);
      if (m <= 0)
        continue;
      lower(l.kind == PlaceLeaf::Kind::City     ? minCity
            : l.kind == PlaceLeaf::Kind::Region ? minRegion
                                                : minCountry,
            m);
    }
  }

  double of(const PlaceLeaf &l) const {
    if (auto it = mass.constFind(leafKey(l)); it != mass.constEnd() && *it > 0)
      return *it;
    // Not listed: no more than what the photo leaves unexplained around it, nor than its least
    // listed entry of that level.
    double parent = -1;
    if (l.kind == PlaceLeaf::Kind::City && !l.place.region.isEmpty())
      parent = mass.value(QStringLiteral("r:") + l.place.region.toUpper(), -1);
    if (parent < 0 && l.kind != PlaceLeaf::Kind::Country)
      parent = mass.value(QStringLiteral("k:") + l.place.country.toUpper(), -1);
    const double least = l.kind == PlaceLeaf::Kind::City     ? minCity
                         : l.kind == PlaceLeaf::Kind::Region ? minRegion
                                                             : minCountry;
    double v = least > 0 ? least : kFloor;
    if (parent >= 0)
      v = std::min(v, parent);
    return std::max(v, kFloor);
  }
};

} // namespace

double siteTemper(int n) {
  return n > 0 ? 1.0 / std::sqrt(double(n)) : 1.0;
}

SiteResult fuseSite(const QString &name, std::span<const ImageResult *const> members,
                    const gazetteer::Gazetteer *gaz, const PosteriorOptions &options) {
  SiteResult site;
  site.name = name;
  std::vector<const ImageResult *> done;
  for (const ImageResult *r : members) {
    site.members << r->path;
    if (r->status == ImageStatus::Done && !r->constraintEmpty &&
        (!r->countries.empty() || !r->cities.empty()))
      done.push_back(r);
  }
  ImageResult &out = site.posterior;
  out.path = name;
  if (done.empty()) {
    out.status = ImageStatus::Failed;
    out.error = QStringLiteral("site %1: no analysed photo").arg(name);
    return site;
  }
  if (done.size() == 1) { // a site of one photo is that photo
    out = *done.front();
    out.path = name;
    out.sha256.clear();
    out.exifLocation.reset();
    out.errorKm.reset();
    return site;
  }
  out.status = ImageStatus::Done;
  out.settingsKey = done.front()->settingsKey;
  std::vector<PhotoLeaves> photos;
  std::map<QString, PlaceLeaf> leaves; // union, ordered for determinism
  for (const ImageResult *r : done) {
    photos.emplace_back(*r);
    for (const PlaceLeaf &l : placeLeaves(*r))
      leaves.try_emplace(leafKey(l), l);
  }
  const double a = siteTemper(int(done.size()));
  std::vector<PlaceLeaf> fused;
  std::vector<double> logs;
  for (auto &[key, leaf] : leaves) {
    double s = 0;
    for (const PhotoLeaves &p : photos)
      s += a * std::log(p.of(leaf));
    fused.push_back(leaf);
    logs.push_back(s);
  }
  const double mx = *std::max_element(logs.begin(), logs.end());
  for (size_t i = 0; i < fused.size(); ++i)
    fused[i].mass = std::exp(logs[i] - mx);
  // A leaf no photo gives mass stays at zero (a fully explained region or country).
  for (size_t i = 0; i < fused.size(); ++i) {
    bool any = false;
    for (const PhotoLeaves &p : photos)
      any = any || p.mass.value(leafKey(fused[i])) > 0;
    if (!any)
      fused[i].mass = 0;
  }
  finishPosterior(std::move(fused), gaz, options, out);
  return site;
}

std::vector<SiteResult> fuseSites(const std::vector<ImageResult> &results, const SiteGrouping &grouping,
                                  const gazetteer::Gazetteer *gaz, const PosteriorOptions &options) {
  QStringList order;
  QHash<QString, std::vector<const ImageResult *>> members;
  for (const ImageResult &r : results) {
    const QString site = grouping.siteOf(r.path);
    if (site.isEmpty())
      continue;
    if (!members.contains(site))
      order << site;
    members[site].push_back(&r);
  }
  std::vector<SiteResult> out;
  for (const QString &site : order)
    out.push_back(fuseSite(site, members.value(site), gaz, options));
  return out;
}

std::optional<SiteGrouping> SiteGrouping::byFolder() {
  SiteGrouping g;
  g.m_byFolder = true;
  return g;
}

std::optional<SiteGrouping> SiteGrouping::fromCsvFile(const QString &csvPath, QString *error) {
  QFile f(csvPath);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(csvPath, f.errorString());
    return std::nullopt;
  }
  QString csvError;
  const auto rows = exporting::parseCsv(f.read(64 << 20), &csvError);
  if (!csvError.isEmpty()) {
    *error = QStringLiteral("%1: %2").arg(csvPath, csvError);
    return std::nullopt;
  }
  if (rows.isEmpty()) {
    *error = QStringLiteral("%1: empty; expected a header with the columns path and site").arg(csvPath);
    return std::nullopt;
  }
  QStringList head;
  for (const QString &h : rows.first())
    head << h.trimmed().toLower();
  const int pathCol = int(head.indexOf(QStringLiteral("path"))),
            siteCol = int(head.indexOf(QStringLiteral("site")));
  if (pathCol < 0 || siteCol < 0) {
    *error = QStringLiteral("%1: the header needs the columns path and site").arg(csvPath);
    return std::nullopt;
  }
  SiteGrouping g;
  const QDir base = QFileInfo(csvPath).absoluteDir();
  for (qsizetype i = 1; i < rows.size(); ++i) {
    const QStringList &r = rows[i];
    if (r.join(QString()).trimmed().isEmpty())
      continue;
    if (r.size() <= std::max(pathCol, siteCol) || r[pathCol].trimmed().isEmpty() ||
        r[siteCol].trimmed().isEmpty()) {
      *error = QStringLiteral("%1: line %2: needs a path and a site").arg(csvPath).arg(i + 1);
      return std::nullopt;
    }
    const QString p = r[pathCol].trimmed();
    const QString site = r[siteCol].trimmed();
    g.m_sites.insert(QDir::cleanPath(QFileInfo(p).isAbsolute() ? p : base.absoluteFilePath(p)), site);
    g.m_sites.insert(QDir::cleanPath(QFileInfo(p).absoluteFilePath()),
                     site); // relative to the working folder
  }
  return g;
}

QString SiteGrouping::siteOf(const QString &path) const {
  if (m_byFolder)
    return QFileInfo(path).path();
  return m_sites.value(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
}

} // namespace streetlens

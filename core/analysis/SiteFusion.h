#pragma once
// SiteFusion: several photos of one place (a "site") fused into one posterior. Each photo gives a
// distribution over leaves (PlaceHierarchy); the site's is their tempered product
//     p_site(leaf) ∝ Π_i p_i(leaf)^(1/√N)
// over the union of the photos' leaves, so N photos count as √N independent pieces of evidence:
// agreeing photos sharpen the answer, but five near-copies of one photo give p^2.24, not
// certainty. A leaf a photo does not list gets the smaller of what that photo leaves unexplained
// in the leaf's region or country and its smallest listed probability at that level (it is not
// more likely than anything listed), or 1e-12. A site of one photo is that photo's result.
// The photos' leaves are those of their kept lists (50 per level). Also: grouping photos into sites by folder
// or by a CSV (path,site). Pure functions; any thread.
#include "core/analysis/Posterior.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>
#include <span>

namespace streetlens {

struct SiteResult {
  QString name;
  QStringList members;   // paths, in input order
  ImageResult posterior; // path = name; countries/regions/cities/estimate/regions fused
};

// The exponent each photo's log-probabilities get for a site of n photos.
double siteTemper(int n);
// Fuses the Done results among `members` (failed ones are skipped); a site without any is Failed.
SiteResult fuseSite(const QString &name, std::span<const ImageResult *const> members,
                    const gazetteer::Gazetteer *gaz, const PosteriorOptions &options);

// Sites of `results` under `grouping`, in order of their first member; photos without a site are
// left out.
std::vector<SiteResult> fuseSites(const std::vector<ImageResult> &results, const class SiteGrouping &grouping,
                                  const gazetteer::Gazetteer *gaz, const PosteriorOptions &options);

// Site name per path: "folder" groups by the containing folder (as given), else the text is a CSV
// file with a header naming columns path and site. Paths in the CSV are matched against the inputs
// as written, as absolute paths and relative to the CSV's folder. Errors name the file and line.
class SiteGrouping {
public:
  static std::optional<SiteGrouping> byFolder();
  static std::optional<SiteGrouping> fromCsvFile(const QString &csvPath, QString *error);
  // The site of a path, or "" when the CSV does not list it.
  QString siteOf(const QString &path) const;

private:
  bool m_byFolder = false;
  QHash<QString, QString> m_sites; // absolute clean path -> site
};

} // namespace streetlens

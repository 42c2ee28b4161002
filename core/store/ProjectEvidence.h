#pragma once
// The analyst's evidence kept in a project (issue 17): the sites' fused posteriors computed from
// the stored members, the same way for the app (EvidenceController) and the CLI (`report
// --project`), so both show and export the same sites. Pure functions; any thread.
#include "core/analysis/SiteFusion.h"
#include "core/store/ProjectStore.h"

#include <vector>

namespace streetlens::store {

// One SiteResult per stored site, in the stored order: the members are looked up by SHA-256 among
// `results` (those absent — removed from the project — are left out; the SiteResult's members are
// the paths of those present) and fused with fuseSite. `results` are the answers as shown, i.e.
// already under the analyst's constraint, so `options` should carry no constraint.
std::vector<SiteResult> fuseStoredSites(const std::vector<StoredSite> &sites,
                                        const std::vector<ImageResult> &results,
                                        const gazetteer::Gazetteer *gaz, const PosteriorOptions &options);

} // namespace streetlens::store

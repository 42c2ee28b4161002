#pragma once
// The content of a case report, independent of its layout: cover facts, summary rows and one
// section per image (photo, map, top-k tables, EXIF). HtmlReport and PdfReport lay it out.
// Sections are built one at a time so that a long report never holds every photo in memory.
// Pure functions; need a QGuiApplication only when ctx.renderMap does. Any thread.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "core/export/AccuracySummary.h"
#include "core/export/ExportTypes.h"

#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <vector>

namespace streetlens::exporting {

using ReportRows = QList<QPair<QString, QString>>; // label, value

struct ReportTableRow {
  QString name;   // "Paris"
  QString detail; // "Île-de-France, FR" or ""
  double probability = 0.0;
};

struct ReportTable {
  QString title;  // "Countries"
  QString column; // "Country"
  std::vector<ReportTableRow> rows;
};

struct ReportImageSection {
  int number = 0;                 // 1-based
  QString fileName, path, sha256; // fileName and path passed through printable()
  bool ok = false;
  QString statusText; // "ok", "Failed: <error>", ...
  QImage photo;       // null when it could not be read (photoError says why)
  QString photoError;
  QImage map;         // null when ctx.renderMap is empty or returned nothing
  QString mapCaption; // what the map shows
  // Patch explanations drawn on the photo with their captions (ctx.renderExplanations); may be empty.
  QList<QPair<QImage, QString>> explanations;
  QString estimateLabel, estimateCoords; // empty without an estimate
  std::vector<ReportTable> tables;       // countries, regions, cities (non-empty ones)
  ReportRows exifRows;                   // EXIF GPS facts, or one row saying why there are none
  // Confidence regions (area per level), "uncertain", and the analyst's constraint (share of the
  // model's probability inside); empty when the result has none of them.
  ReportRows evidenceRows;
  // The analyst's annotation: verdict, ground-truth pin and the estimate's distance to it (short
  // rows), and the free note (each line printable, '\n' between lines; may be long); empty when
  // the image has none.
  ReportRows analystRows;
  QString analystNote;
  // Scene tasks and clue readings (issues 19, 20): the question, then the top answer with its
  // probability and the runner-up; empty when the result has none.
  ReportRows sceneRows;
  ReportRows clueRows;
  // The reference gallery (issue 21): its estimate, the model's own estimate and the distance
  // between them, then one row per neighbour (file name: similarity, distance from the gallery
  // estimate); empty without gallery evidence.
  ReportRows galleryRows;
};

// One row per image. An image without a result (failed, or not analysed yet) gets no page of its
// own: its row says why (`reason`, with its SHA-256 on a second line) and is all the report holds.
struct ReportSummaryRow {
  QString number, fileName, status, estimate, topCountry, errorKm;
  QString reason; // empty for an analysed image
};

// Text that every report carries next to the results.
QString reportDisclaimer();
// "yyyy-MM-dd HH:mm <zone>" of ctx.created (now when invalid).
QString reportDate(const ReportContext &ctx);
// Project, date, model facts, image counts and the EXIF policy, in display order.
ReportRows reportCoverRows(const std::vector<ImageResult> &results, const ReportContext &ctx,
                           const ExportOptions &opt);
std::vector<ReportSummaryRow> reportSummaryRows(const std::vector<ImageResult> &results,
                                                const ExportOptions &opt);
// Whether an image gets a section (a page) of its own: it was analysed.
bool hasReportSection(const ImageResult &r);
// The "Settings" block of a report, one setting per line. The app and the CLI both call it, so the
// same analysis gives the same block. `candidateSource` names the file of a custom candidate list
// when one is known.
QString reportSettingsSummary(const AnalysisSettings &s, const QString &candidateSource = QString());
// Line breaks shown as ↵ and other control characters as U+FFFD (file names may hold them).
QString printable(const QString &s);
// "48.85660° N, 2.35220° E"
QString formatLatLon(geo::GeoPoint p);

// Loads a photo with its EXIF orientation applied, scaled to fit maxEdge pixels.
QImage loadReportPhoto(const QString &path, int maxEdge, QString *error);
// The photo loadReportPhoto is decoding on the calling thread, else empty. Qt's image plugins
// print their warnings ("Corrupt JPEG data: ...", category qt.gui.imageio.*) without naming the
// file; a message handler uses this to say which photo of the report they are about.
QString reportPhotoBeingRead();
ReportImageSection buildImageSection(const ImageResult &r, int number, const ReportContext &ctx,
                                     const ExportOptions &opt, int photoMaxEdge, QSize mapSize);

// The section of one of the analyst's sites (ctx.sites): its fused estimate, map, tables and
// confidence regions in `body` (no photo, no EXIF), and the photos it fuses.
struct ReportSiteSection {
  int number = 0;      // 1-based among the sites
  QString name;        // printable
  QStringList members; // printable file names, in the site's order
  ReportImageSection body;
};
ReportSiteSection buildSiteSection(const SiteResult &site, int number, const ReportContext &ctx,
                                   const ExportOptions &opt, QSize mapSize);

} // namespace streetlens::exporting

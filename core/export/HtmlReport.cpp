#include "core/export/HtmlReport.h"

#include "core/export/AccuracySummary.h"
#include "core/export/ExportCommon.h"
#include "core/export/ReportContent.h"

#include <QBuffer>
#include <QPainter>

namespace streetlens::exporting {

namespace {

QString esc(const QString &s) {
  return s.toHtmlEscaped();
}

QString dataUri(const QImage &img, const char *format, const char *mime, int quality) {
  QByteArray bytes;
  QBuffer buf(&bytes);
  buf.open(QIODevice::WriteOnly);
  QImage out = img;
  if (qstrcmp(format, "JPEG") == 0 && out.hasAlphaChannel()) {
    // JPEG has no alpha: flatten onto white.
    QImage flat(out.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, out);
    p.end();
    out = flat;
  }
  if (!out.save(&buf, format, quality))
    return QString();
  return QStringLiteral("data:%1;base64,").arg(QLatin1String(mime)) + QString::fromLatin1(bytes.toBase64());
}

const char *kCss = R"CSS(
:root { --ink:#1d2733; --muted:#5b6775; --line:#d9dee5; --accent:#2f6fb2; --band:#1f3247; --warn:#b7791f; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0;
       background: #eef1f5; font-size: 14px; line-height: 1.45; }
.page { background: #fff; max-width: 960px; margin: 24px auto; padding: 32px 40px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.band { background: var(--band); color: #fff; margin: -32px -40px 24px; padding: 28px 40px; }
.band h1 { margin: 0; font-size: 28px; font-weight: 600; }
.band .sub { opacity: .85; margin-top: 4px; font-size: 16px; }
h2 { font-size: 18px; margin: 24px 0 10px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; font-size: 12px; color: var(--muted); }
table.facts th { width: 170px; background: none; font-size: 13px; }
.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; word-break: break-all; }
pre.settings { background: #f6f8fa; border: 1px solid var(--line); padding: 10px 12px; font-size: 12px; white-space: pre-wrap; }
.notice { border-left: 4px solid var(--warn); background: #fdf6e7; padding: 10px 14px; margin: 16px 0; }
.tiles { display: flex; gap: 10px; flex-wrap: wrap; }
.tile { flex: 1 1 110px; border: 1px solid var(--line); border-radius: 6px; padding: 10px; text-align: center; }
.tile .v { font-size: 22px; font-weight: 600; color: var(--accent); }
.tile .k { font-size: 12px; color: var(--muted); }
.figs { display: flex; gap: 16px; }
.figs figure { flex: 1; margin: 0; }
.figs img { width: 100%; max-height: 360px; object-fit: contain; border: 1px solid var(--line); background: #fafbfc; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.estimate { background: #eef4fb; border: 1px solid #c9dbef; border-radius: 6px; padding: 10px 14px; margin: 14px 0; }
.estimate .label { font-size: 17px; font-weight: 600; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
.grid .wide { grid-column: 1 / -1; }
.bar { position: relative; height: 12px; background: #e8ecf1; border-radius: 3px; min-width: 120px; }
.bar span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); border-radius: 3px; }
td.p { width: 42%; }
td.pct { width: 60px; text-align: right; font-variant-numeric: tabular-nums; }
td.km { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.detail { color: var(--muted); font-size: 12px; }
.failed { color: #b42318; font-weight: 600; }
.meta { color: var(--muted); font-size: 12px; }
@media print { body { background: #fff; } .page { box-shadow: none; margin: 0; max-width: none; page-break-after: always; } }
)CSS";

QString factsTable(const ReportRows &rows, bool monoSecondHalf = false) {
  QString h = QStringLiteral("<table class=\"facts\">");
  for (const auto &row : rows) {
    const bool mono = monoSecondHalf && row.first.contains(QStringLiteral("SHA-256"));
    h += QStringLiteral("<tr><th>%1</th><td%2>%3</td></tr>")
             .arg(esc(row.first), mono ? QStringLiteral(" class=\"mono\"") : QString(), esc(row.second));
  }
  return h + QStringLiteral("</table>");
}

// A top-k table; `wide` spans both columns of the grid.
QString probabilityTable(const ReportTable &t, bool wide) {
  QString h =
      QStringLiteral("<div%1><h3>%2</h3><table><tr><th>#</th><th>%3</th><th>Probability</th><th></th></tr>")
          .arg(wide ? QStringLiteral(" class=\"wide\"") : QString(), esc(t.title), esc(t.column));
  int rank = 0;
  for (const ReportTableRow &r : t.rows) {
    const double pct = std::clamp(100.0 * r.probability, 0.0, 100.0);
    h += QStringLiteral(
             "<tr><td>%1</td><td>%2%3</td><td class=\"p\"><div class=\"bar\"><span style=\"width:%4%\">"
             "</span></div></td><td class=\"pct\">%5%</td></tr>")
             .arg(++rank)
             .arg(esc(r.name),
                  r.detail.isEmpty() ? QString()
                                     : QStringLiteral("<div class=\"detail\">%1</div>").arg(esc(r.detail)),
                  QString::number(pct, 'f', 2), QString::number(pct, 'f', 1));
  }
  return h + QStringLiteral("</table></div>");
}

QString accuracyBlock(const AccuracySummary &acc) {
  QString h =
      QStringLiteral("<h2>Accuracy against EXIF GPS</h2><p class=\"meta\">%1 of %2 images carry a GPS "
                     "position; distances are great-circle (haversine).</p><div class=\"tiles\">")
          .arg(acc.withTruth)
          .arg(acc.images);
  for (std::size_t i = 0; i < kAccuracyThresholdsKm.size(); ++i)
    h +=
        QStringLiteral("<div class=\"tile\"><div class=\"v\">%1%</div><div class=\"k\">within %2</div></div>")
            .arg(QString::number(acc.withinPercent[i], 'f', 1),
                 esc(formatDistanceKm(kAccuracyThresholdsKm[i])));
  h +=
      QStringLiteral("<div class=\"tile\"><div class=\"v\">%1</div><div class=\"k\">median error</div></div>")
          .arg(esc(formatDistanceKm(acc.medianKm)));
  h += QStringLiteral(
           "<div class=\"tile\"><div class=\"v\">%1</div><div class=\"k\">mean GeoScore</div></div>")
           .arg(QString::number(acc.meanGeoScore, 'f', 0));
  return h + QStringLiteral("</div>");
}

QString imageSection(const ReportImageSection &s) {
  QString h = QStringLiteral("<section class=\"page\"><h2>%1. %2</h2>").arg(s.number).arg(esc(s.fileName));
  h += QStringLiteral("<div class=\"meta\">%1</div><div class=\"meta mono\">SHA-256 %2</div>")
           .arg(esc(s.path), esc(s.sha256.isEmpty() ? QStringLiteral("—") : s.sha256));
  h += QStringLiteral("<div class=\"figs\">");
  if (!s.photo.isNull())
    h += QStringLiteral("<figure><img alt=\"photo\" src=\"%1\"><figcaption>Photo (%2 × %3 px as embedded)"
                        "</figcaption></figure>")
             .arg(dataUri(s.photo, "JPEG", "image/jpeg", 85))
             .arg(s.photo.width())
             .arg(s.photo.height());
  else
    h += QStringLiteral("<figure><p class=\"meta\">%1</p></figure>").arg(esc(s.photoError));
  if (!s.map.isNull())
    h += QStringLiteral("<figure><img alt=\"map\" src=\"%1\"><figcaption>%2</figcaption></figure>")
             .arg(dataUri(s.map, "PNG", "image/png", -1), esc(s.mapCaption));
  h += QStringLiteral("</div>");
  if (!s.explanations.isEmpty()) {
    h += QStringLiteral("<div class=\"figs\">");
    for (const auto &[image, caption] : s.explanations)
      h += QStringLiteral("<figure><img alt=\"explanation\" src=\"%1\"><figcaption>%2</figcaption></figure>")
               .arg(dataUri(image, "JPEG", "image/jpeg", 85), esc(caption));
    h += QStringLiteral("</div>");
  }
  if (!s.estimateCoords.isEmpty())
    h += QStringLiteral(
             "<div class=\"estimate\"><div class=\"meta\">Estimate</div><div class=\"label\">%1</div>"
             "<div class=\"mono\">%2</div></div>")
             .arg(esc(s.estimateLabel), esc(s.estimateCoords));
  if (!s.tables.empty()) {
    h += QStringLiteral("<div class=\"grid\">");
    for (const ReportTable &t : s.tables)
      h +=
          probabilityTable(t, t.title != QStringLiteral("Countries") && t.title != QStringLiteral("Regions"));
    h += QStringLiteral("</div>");
  }
  if (!s.evidenceRows.isEmpty())
    h += QStringLiteral("<h3>Confidence</h3>") + factsTable(s.evidenceRows);
  if (!s.sceneRows.isEmpty())
    h += QStringLiteral("<h3>Scene</h3>") + factsTable(s.sceneRows);
  if (!s.clueRows.isEmpty())
    h += QStringLiteral("<h3>Clues</h3>") + factsTable(s.clueRows);
  if (!s.galleryRows.isEmpty())
    h += QStringLiteral("<h3>Reference gallery</h3>") + factsTable(s.galleryRows);
  h += QStringLiteral("<h3>EXIF</h3>") + factsTable(s.exifRows);
  if (!s.analystRows.isEmpty() || !s.analystNote.isEmpty()) {
    h += QStringLiteral("<h3>Analyst</h3>");
    if (!s.analystRows.isEmpty())
      h += factsTable(s.analystRows);
    if (!s.analystNote.isEmpty())
      h += QStringLiteral("<p class=\"note\">%1</p>")
               .arg(esc(s.analystNote).replace(u'\n', QStringLiteral("<br>")));
  }
  h += QStringLiteral("<p class=\"notice\">%1</p></section>").arg(esc(reportDisclaimer()));
  return h;
}

// A section of one of the analyst's sites: the photos it fuses, its map, estimate, tables and
// confidence regions.
QString siteSection(const ReportSiteSection &site) {
  const ReportImageSection &s = site.body;
  QString h = QStringLiteral("<section class=\"page site\"><h2>Site %1. %2</h2>")
                  .arg(site.number)
                  .arg(esc(site.name));
  h += QStringLiteral("<div class=\"meta\">%1</div>")
           .arg(esc(QStringLiteral("Photos of the site (%1): %2")
                        .arg(site.members.size())
                        .arg(site.members.isEmpty() ? QStringLiteral("none in the project")
                                                    : site.members.join(QStringLiteral(", ")))));
  if (!s.map.isNull())
    h += QStringLiteral("<div class=\"figs\"><figure><img alt=\"map\" src=\"%1\"><figcaption>%2</figcaption>"
                        "</figure></div>")
             .arg(dataUri(s.map, "PNG", "image/png", -1), esc(s.mapCaption));
  if (!s.estimateCoords.isEmpty())
    h += QStringLiteral("<div class=\"estimate\"><div class=\"meta\">Estimate of the site</div><div "
                        "class=\"label\">%1</div>"
                        "<div class=\"mono\">%2</div></div>")
             .arg(esc(s.estimateLabel), esc(s.estimateCoords));
  else
    h += QStringLiteral("<p class=\"failed\">No estimate: %1</p>").arg(esc(s.statusText));
  if (!s.tables.empty()) {
    h += QStringLiteral("<div class=\"grid\">");
    for (const ReportTable &t : s.tables)
      h +=
          probabilityTable(t, t.title != QStringLiteral("Countries") && t.title != QStringLiteral("Regions"));
    h += QStringLiteral("</div>");
  }
  if (!s.evidenceRows.isEmpty())
    h += QStringLiteral("<h3>Confidence</h3>") + factsTable(s.evidenceRows);
  h += QStringLiteral("<p class=\"notice\">%1</p></section>").arg(esc(reportDisclaimer()));
  return h;
}

} // namespace

QByteArray resultsToHtmlReport(const std::vector<ImageResult> &results, const ExportOptions &opt,
                               const ReportContext &ctx) {
  const QString title = ctx.projectName.isEmpty()
                            ? QStringLiteral("Geolocation report")
                            : QStringLiteral("Geolocation report — %1").arg(ctx.projectName);
  QString h =
      QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"generator\" content=\"StreetLens\"><title>%1</title><style>%2</style>"
                     "</head><body>\n")
          .arg(esc(title), QString::fromUtf8(kCss));
  h += QStringLiteral(
           "<section class=\"page\"><div class=\"band\"><h1>Geolocation report</h1><div class=\"sub\">%1"
           "</div></div>")
           .arg(esc(ctx.projectName.isEmpty() ? QStringLiteral("StreetLens") : ctx.projectName));
  h += QStringLiteral("<h2>Case details</h2>") + factsTable(reportCoverRows(results, ctx, opt), true);
  if (!ctx.settingsSummary.trimmed().isEmpty())
    h += QStringLiteral("<h3>Settings</h3><pre class=\"settings\">%1</pre>")
             .arg(esc(ctx.settingsSummary.trimmed()));
  h += QStringLiteral("<p class=\"notice\"><strong>An estimate, not proof.</strong> %1</p>")
           .arg(esc(reportDisclaimer()));
  const AccuracySummary acc = summarizeAccuracy(results, opt);
  if (acc.withTruth > 0)
    h += accuracyBlock(acc);
  h += QStringLiteral("<h2>Summary</h2><table><tr><th>#</th><th>Image</th><th>Status</th><th>Estimate</th>"
                      "<th>Top country</th><th>Error</th></tr>");
  for (const ReportSummaryRow &r : reportSummaryRows(results, opt)) {
    if (!r.reason.isEmpty()) { // no section of its own: why, in place of the estimate
      h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"failed\">%3</td><td colspan=\"3\" "
                          "class=\"failed\">%4</td></tr>")
               .arg(esc(r.number), esc(r.fileName), esc(r.status),
                    esc(r.reason).replace(QChar(QChar::LineSeparator), QStringLiteral("<br>")));
      continue;
    }
    h += QStringLiteral(
             "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td class=\"km\">%6</td></tr>")
             .arg(esc(r.number), esc(r.fileName), esc(r.status), esc(r.estimate), esc(r.topCountry),
                  esc(r.errorKm));
  }
  h += QStringLiteral("</table><p class=\"meta\">Generated by StreetLens %1.</p></section>\n")
           .arg(QStringLiteral(STREETLENS_VERSION));
  int n = 0;
  for (const ImageResult &r : results)
    if (++n; hasReportSection(r))
      h += imageSection(buildImageSection(r, n, ctx, opt, 1280, QSize(960, 720))) + u'\n';
  int siteNumber = 0;
  for (const SiteResult &site : ctx.sites)
    h += siteSection(buildSiteSection(site, ++siteNumber, ctx, opt, QSize(960, 720))) + u'\n';
  h += QStringLiteral("</body></html>\n");
  return h.toUtf8();
}

} // namespace streetlens::exporting

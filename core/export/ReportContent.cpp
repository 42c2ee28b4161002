#include "core/export/ReportContent.h"

#include "core/export/ExportCommon.h"
#include "core/geo/GeoScore.h"
#include "core/geo/GreatCircle.h"

#include <QImageReader>
#include <QLocale>
#include <QTimeZone>
#include <cmath>
#include <exception>
#include <numeric>

namespace streetlens::exporting {

QString reportDisclaimer() {
  return QStringLiteral("This is an estimate, not proof. The location is inferred by a machine-learning "
                        "model from visual cues in the photo and can be confidently wrong. Confirm it with "
                        "independent evidence before relying on it.");
}

QString reportDate(const ReportContext &ctx) {
  const QDateTime t = ctx.created.isValid() ? ctx.created : QDateTime::currentDateTime();
  QString zone = t.timeZoneAbbreviation();
  if (zone.isEmpty())
    zone = t.timeZone().displayName(t, QTimeZone::OffsetName);
  return t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + (zone.isEmpty() ? QString() : u' ' + zone);
}

ReportRows reportCoverRows(const std::vector<ImageResult> &results, const ReportContext &ctx,
                           const ExportOptions &opt) {
  auto orDash = [](const QString &s) { return s.trimmed().isEmpty() ? QStringLiteral("—") : s; };
  const AccuracySummary acc = summarizeAccuracy(results, opt);
  ReportRows rows;
  rows << qMakePair(QStringLiteral("Project"), orDash(ctx.projectName));
  rows << qMakePair(QStringLiteral("Created"), reportDate(ctx));
  rows << qMakePair(
      QStringLiteral("Images"),
      QStringLiteral("%1 (%2 analysed, %3 failed)").arg(acc.images).arg(acc.succeeded).arg(acc.failed));
  rows << qMakePair(QStringLiteral("Model"), orDash(ctx.modelName));
  rows << qMakePair(QStringLiteral("Weights SHA-256"), orDash(ctx.modelSha256));
  rows << qMakePair(QStringLiteral("Precision"), orDash(ctx.precision));
  rows << qMakePair(QStringLiteral("Device"), orDash(ctx.device));
  rows << qMakePair(QStringLiteral("EXIF GPS"), opt.includeExifGps
                                                    ? QStringLiteral("included")
                                                    : QStringLiteral("withheld (privacy option)"));
  return rows;
}

QString printable(const QString &s) {
  QString out;
  out.reserve(s.size());
  for (QChar c : s) {
    if (c == u'\n' || c == u'\r')
      out += QChar(0x21B5); // ↵
    else if (c.category() == QChar::Other_Control)
      out += QChar(0xFFFD);
    else
      out += c;
  }
  return out;
}

QString formatLatLon(geo::GeoPoint p) {
  return QStringLiteral("%1° %2, %3° %4")
      .arg(QString::number(std::abs(p.lat), 'f', 5), p.lat >= 0 ? QStringLiteral("N") : QStringLiteral("S"),
           QString::number(std::abs(p.lon), 'f', 5), p.lon >= 0 ? QStringLiteral("E") : QStringLiteral("W"));
}

namespace {

QString percentText(double p) {
  return QString::number(100.0 * p, 'f', 1) + u'%';
}

QString statusText(const ImageResult &r) {
  switch (r.status) {
  case ImageStatus::Done:
    return QStringLiteral("ok");
  case ImageStatus::Failed:
    return r.error.isEmpty() ? QStringLiteral("Failed") : QStringLiteral("Failed: ") + r.error;
  case ImageStatus::Queued:
    return QStringLiteral("not analysed (queued)");
  case ImageStatus::Running:
    return QStringLiteral("not analysed (running)");
  }
  return QString();
}

ReportTable makeTable(const QString &title, const QString &column,
                      const std::vector<PlaceProbability> &places, int topK, bool cities) {
  ReportTable t{title, column, {}};
  for (const PlaceProbability &p : topEntries(places, topK)) {
    QString detail;
    if (cities) {
      QStringList parts;
      if (!p.region.isEmpty())
        parts << p.region;
      if (!p.country.isEmpty() && !p.region.startsWith(p.country + u'.'))
        parts << p.country;
      detail = parts.join(QStringLiteral(", "));
      if (p.population > 0)
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" · ")) +
                  QStringLiteral("pop. %1").arg(QLocale(QLocale::English).toString(p.population));
    } else if (p.code != p.name) {
      detail = p.code;
    }
    t.rows.push_back({p.name.isEmpty() ? p.code : p.name, detail, p.probability});
  }
  return t;
}

} // namespace

std::vector<ReportSummaryRow> reportSummaryRows(const std::vector<ImageResult> &results,
                                                const ExportOptions &opt) {
  std::vector<ReportSummaryRow> rows;
  rows.reserve(results.size());
  int n = 0;
  for (const ImageResult &r : results) {
    ReportSummaryRow row;
    row.number = QString::number(++n);
    row.fileName = printable(displayName(r.path));
    row.status = r.status == ImageStatus::Done ? QStringLiteral("ok") : statusName(r.status);
    row.estimate = r.estimateLabel;
    if (row.estimate.isEmpty() && r.estimate)
      row.estimate = formatLatLon(*r.estimate);
    if (!r.countries.empty())
      row.topCountry = QStringLiteral("%1 (%2)").arg(r.countries.front().name,
                                                     percentText(r.countries.front().probability));
    const VisibleExif exif = visibleExif(r, opt);
    row.errorKm = exif.errorKm ? formatDistanceKm(*exif.errorKm) : QString();
    if (!hasReportSection(r))
      row.reason = printable(statusText(r)) + QChar(QChar::LineSeparator) + QStringLiteral("SHA-256 ") +
                   (r.sha256.isEmpty() ? QStringLiteral("—") : r.sha256);
    rows.push_back(row);
  }
  return rows;
}

bool hasReportSection(const ImageResult &r) {
  return r.status == ImageStatus::Done;
}

QString reportSettingsSummary(const AnalysisSettings &s, const QString &candidateSource) {
  const QString sep = QStringLiteral(" | ");
  QStringList lines;
  lines << QStringLiteral("mode: %1").arg(AnalysisSettings::modeName(s.mode));
  lines << QStringLiteral("top-k: %1").arg(s.topK);
  lines << QStringLiteral("countries expanded: up to %1 (until %2 % of the probability)")
               .arg(s.maxCountries)
               .arg(s.countryMass * 100.0, 0, 'g', 3);
  lines << QStringLiteral("cities per country: %1")
               .arg(s.citiesPerCountry > 0 ? QString::number(s.citiesPerCountry) : QStringLiteral("all"));
  lines << QStringLiteral("country templates: %1").arg(s.countryTemplates.join(sep));
  lines << QStringLiteral("region templates: %1").arg(s.regionTemplates.join(sep));
  lines << QStringLiteral("city templates: %1").arg(s.cityTemplates.join(sep));
  if (!s.restrictToCountries.isEmpty())
    lines << QStringLiteral("restricted to: %1").arg(s.restrictToCountries.join(QStringLiteral(", ")));
  if (!s.customCandidates.isEmpty() || !candidateSource.isEmpty()) {
    QStringList parts;
    if (!candidateSource.isEmpty())
      parts << candidateSource;
    if (!s.customCandidates.isEmpty())
      parts << QStringLiteral("%1 labels").arg(s.customCandidates.size());
    if (!s.customTemplate.isEmpty())
      parts << QStringLiteral("template %1").arg(s.customTemplate);
    lines << QStringLiteral("candidate list: %1").arg(parts.join(QStringLiteral(", ")));
  }
  return lines.join(u'\n');
}

namespace {
thread_local QString tlPhotoBeingRead;
} // namespace

QString reportPhotoBeingRead() {
  return tlPhotoBeingRead;
}

QImage loadReportPhoto(const QString &path, int maxEdge, QString *error) {
  struct Reading { // names the photo for the warnings Qt's plugins print while decoding it
    explicit Reading(const QString &p) { tlPhotoBeingRead = p; }
    ~Reading() { tlPhotoBeingRead.clear(); }
  } reading(path);
  if (path.isEmpty()) { // a site's section: no photo of its own
    if (error)
      *error = QStringLiteral("No photo");
    return QImage();
  }
  QImageReader reader(path);
  reader.setAutoTransform(true);
  QSize size = reader.size();
  if (size.isValid() && (size.width() > maxEdge || size.height() > maxEdge)) {
    // Orientation may swap the axes; fitting the longer edge is orientation independent.
    reader.setScaledSize(size.scaled(maxEdge, maxEdge, Qt::KeepAspectRatio));
  }
  QImage img = reader.read();
  if (img.isNull()) {
    if (error)
      *error = QStringLiteral("Cannot read %1: %2").arg(path, reader.errorString());
    return img;
  }
  if (img.width() > maxEdge || img.height() > maxEdge)
    img = img.scaled(maxEdge, maxEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return img;
}

namespace {

// "road condition?" -> "a road with potholes · 62 %  (next: a road with cracks · 21 %)".
ReportRows outcomeRows(const std::vector<TaskOutcome> &outcomes) {
  ReportRows rows;
  for (const TaskOutcome &t : outcomes) {
    std::vector<int> order(t.probs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return t.probs[size_t(a)] > t.probs[size_t(b)]; });
    if (order.empty())
      continue;
    auto answer = [&](int i) {
      return QStringLiteral("%1 · %2").arg(printable(t.labels[i]), formatPercent(t.probs[size_t(i)]));
    };
    QString text = answer(order[0]);
    if (order.size() > 1)
      text += QStringLiteral("  (next: %1)").arg(answer(order[1]));
    rows << qMakePair(printable(t.question.isEmpty() ? t.name : t.question), text);
  }
  return rows;
}

} // namespace

ReportImageSection buildImageSection(const ImageResult &r, int number, const ReportContext &ctx,
                                     const ExportOptions &opt, int photoMaxEdge, QSize mapSize) {
  ReportImageSection s;
  s.number = number;
  s.fileName = printable(displayName(r.path));
  s.path = printable(r.path);
  s.sha256 = r.sha256;
  s.ok = r.status == ImageStatus::Done;
  s.statusText = statusText(r);
  s.photo = loadReportPhoto(r.path, photoMaxEdge, &s.photoError);
  if (ctx.renderExplanations && s.ok && !s.photo.isNull())
    s.explanations = ctx.renderExplanations(r, s.photo);
  if (ctx.renderMap && s.ok) {
    try {
      s.map = ctx.renderMap(privacyFiltered(r, opt), mapSize);
    } catch (const std::exception &) {
      s.map = QImage();
    }
  }
  if (r.estimate) {
    s.estimateLabel = r.estimateLabel.isEmpty() ? QStringLiteral("Estimated location") : r.estimateLabel;
    s.estimateCoords = formatLatLon(*r.estimate);
  }
  const int k = opt.topK;
  if (!r.countries.empty())
    s.tables.push_back(
        makeTable(QStringLiteral("Countries"), QStringLiteral("Country"), r.countries, k, false));
  if (!r.regions.empty())
    s.tables.push_back(makeTable(QStringLiteral("Regions"), QStringLiteral("Region"), r.regions, k, false));
  if (!r.cities.empty())
    s.tables.push_back(makeTable(QStringLiteral("Cities"), QStringLiteral("City"), r.cities, k, true));
  if (!r.labels.empty())
    s.tables.push_back(
        makeTable(QStringLiteral("Candidate labels"), QStringLiteral("Label"), r.labels, k, false));

  for (const ConfidenceRegion &region : r.confidenceRegions)
    s.evidenceRows << qMakePair(QStringLiteral("%1 % region").arg(std::round(region.level * 100)),
                                QLocale(QLocale::English).toString(std::round(region.areaKm2), 'f', 0) +
                                    QStringLiteral(" km²"));
  if (r.uncertain && s.ok)
    s.evidenceRows << qMakePair(QStringLiteral("Verdict"),
                                QStringLiteral("uncertain (90 % region too large)"));
  if (r.constraintMass)
    s.evidenceRows << qMakePair(
        QStringLiteral("Constraint"),
        QStringLiteral("%1 % of the model's probability inside%2")
            .arg(QLocale(QLocale::English).toString(100.0 * *r.constraintMass, 'g', 3),
                 r.constraintEmpty ? QStringLiteral(" — too little to renormalise") : QString()));
  const VisibleExif exif = visibleExif(r, opt);
  s.mapCaption = exif.location ? QStringLiteral("Map · probability heatmap, estimate and EXIF GPS position")
                               : QStringLiteral("Map · probability heatmap and estimate");
  if (!opt.includeExifGps) {
    s.exifRows << qMakePair(QStringLiteral("EXIF GPS"), QStringLiteral("withheld (privacy option)"));
  } else if (!exif.location) {
    s.exifRows << qMakePair(QStringLiteral("EXIF GPS"), QStringLiteral("none in the file"));
  } else {
    s.exifRows << qMakePair(QStringLiteral("EXIF GPS"), formatLatLon(*exif.location));
    if (!exif.country.isEmpty())
      s.exifRows << qMakePair(QStringLiteral("EXIF country"), exif.country);
    if (exif.altitude)
      s.exifRows << qMakePair(QStringLiteral("Altitude"),
                              QString::number(*exif.altitude, 'f', 0) + QStringLiteral(" m"));
    if (exif.errorKm) {
      s.exifRows << qMakePair(QStringLiteral("Error"), formatDistanceKm(*exif.errorKm));
      s.exifRows << qMakePair(QStringLiteral("GeoScore"),
                              QString::number(geo::geoScore(*exif.errorKm), 'f', 0));
    }
  }
  if (r.exifTime.isValid())
    s.exifRows << qMakePair(QStringLiteral("EXIF time"),
                            r.exifTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
  if (const Annotation *a = annotationOf(r, opt)) {
    if (a->verdict != Verdict::None)
      s.analystRows << qMakePair(QStringLiteral("Analyst's verdict"), verdictName(a->verdict));
    if (a->truth) {
      s.analystRows << qMakePair(QStringLiteral("Ground truth"), formatLatLon(*a->truth));
      if (const auto km = a->truthErrorKm(r.estimate))
        s.analystRows << qMakePair(QStringLiteral("Estimate to truth"), formatDistanceKm(*km));
    }
    for (const QString &line : a->note.trimmed().split(u'\n')) // printable, keeping its lines
      s.analystNote += (s.analystNote.isEmpty() ? QString() : QStringLiteral("\n")) + printable(line);
  }
  s.sceneRows = outcomeRows(r.tasks);
  s.clueRows = outcomeRows(r.clues);
  if (r.gallery && !r.gallery->neighbours.empty()) {
    const GalleryEvidence &g = *r.gallery;
    s.galleryRows << qMakePair(QStringLiteral("Gallery"), printable(displayName(g.index)));
    s.galleryRows << qMakePair(QStringLiteral("Gallery estimate"),
                               formatLatLon(g.estimate) +
                                   (g.fused ? QStringLiteral(" (fused with the model)") : QString()));
    if (g.zeroShotEstimate)
      s.galleryRows << qMakePair(QStringLiteral("Model alone"),
                                 QStringLiteral("%1, %2 away")
                                     .arg(printable(g.zeroShotLabel), formatDistanceKm(geo::haversineKm(
                                                                          *g.zeroShotEstimate, g.estimate))));
    int rank = 0;
    for (const GalleryNeighbour &n : g.neighbours)
      s.galleryRows << qMakePair(QStringLiteral("%1. %2").arg(++rank).arg(printable(displayName(n.path))),
                                 QStringLiteral("similarity %1, %2 from the gallery estimate")
                                     .arg(QString::number(n.score, 'f', 3), formatDistanceKm(n.distanceKm)));
  }
  return s;
}

ReportSiteSection buildSiteSection(const SiteResult &site, int number, const ReportContext &ctx,
                                   const ExportOptions &opt, QSize mapSize) {
  ReportSiteSection s;
  s.number = number;
  s.name = printable(site.name);
  for (const QString &m : site.members)
    s.members << printable(displayName(m));
  ImageResult fused = site.posterior;
  fused.path.clear(); // no photo of its own: the site's name is not a file
  fused.sha256.clear();
  fused.exifLocation.reset();
  s.body = buildImageSection(fused, number, ctx, opt, 1, mapSize);
  s.body.fileName = s.name;
  s.body.path.clear();
  s.body.photo = QImage();
  s.body.photoError.clear();
  s.body.exifRows.clear();
  s.body.mapCaption = QStringLiteral("Map · fused probability heatmap and estimate of the site");
  s.body.evidenceRows.prepend(qMakePair(QStringLiteral("Photos"), QString::number(site.members.size())));
  return s;
}

} // namespace streetlens::exporting

#include "core/export/KmlExport.h"

#include "core/analysis/GeoResult.h"
#include "core/export/ExportCommon.h"
#include "core/geo/GreatCircle.h"

#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>
#include <utility>

namespace streetlens::exporting {

namespace {

// XML 1.0 forbids most control characters even when escaped; file names may contain them.
QString xmlSafe(const QString &s) {
  QString out;
  out.reserve(s.size());
  for (QChar c : s) {
    const char16_t u = c.unicode();
    if (u < 0x20 && u != 0x9 && u != 0xA && u != 0xD)
      out += QChar(0xFFFD);
    else if (u == 0xFFFE || u == 0xFFFF)
      out += QChar(0xFFFD);
    else
      out += c;
  }
  return out;
}

// "lon,lat"; great-circle paths may carry unwrapped longitudes, KML wants [-180, 180].
QString coord(geo::GeoPoint p) {
  const double lon = (p.lon < -180.0 || p.lon > 180.0) ? geo::normalizeLongitude(p.lon) : p.lon;
  return formatNumber(lon) + u',' + formatNumber(p.lat);
}

// An icon style with a colour and a scale and no <Icon>: viewers draw their own built-in placemark,
// tinted. An <Icon><href> to a web address (maps.google.com's paddles) would be fetched whenever
// the file is opened, telling that server that someone is looking at this case.
void writeStyle(QXmlStreamWriter &w, const QString &id, const QString &iconColor, double scale) {
  w.writeStartElement(QStringLiteral("Style"));
  w.writeAttribute(QStringLiteral("id"), id);
  w.writeStartElement(QStringLiteral("IconStyle"));
  w.writeTextElement(QStringLiteral("color"), iconColor);
  w.writeTextElement(QStringLiteral("scale"), formatNumber(scale));
  w.writeEndElement(); // IconStyle
  w.writeStartElement(QStringLiteral("LabelStyle"));
  w.writeTextElement(QStringLiteral("scale"), QStringLiteral("0.8"));
  w.writeEndElement();
  w.writeEndElement(); // Style
}

void writeData(QXmlStreamWriter &w, const QString &name, const QString &value) {
  w.writeStartElement(QStringLiteral("Data"));
  w.writeAttribute(QStringLiteral("name"), name);
  w.writeTextElement(QStringLiteral("value"), xmlSafe(value));
  w.writeEndElement();
}

void writePoint(QXmlStreamWriter &w, const QString &name, const QString &style, const QString &description,
                geo::GeoPoint p, const QList<QPair<QString, QString>> &data) {
  w.writeStartElement(QStringLiteral("Placemark"));
  w.writeTextElement(QStringLiteral("name"), xmlSafe(name));
  w.writeTextElement(QStringLiteral("description"), xmlSafe(description));
  w.writeTextElement(QStringLiteral("styleUrl"), u'#' + style);
  if (!data.isEmpty()) {
    w.writeStartElement(QStringLiteral("ExtendedData"));
    for (const auto &d : data)
      writeData(w, d.first, d.second);
    w.writeEndElement();
  }
  w.writeStartElement(QStringLiteral("Point"));
  w.writeTextElement(QStringLiteral("coordinates"), coord(p));
  w.writeEndElement(); // Point
  w.writeEndElement(); // Placemark
}

// One confidence region as a Placemark of Polygons (outer ring, holes), closed rings.
void writeRegion(QXmlStreamWriter &w, const ConfidenceRegion &region, const QString &path) {
  w.writeStartElement(QStringLiteral("Placemark"));
  w.writeTextElement(QStringLiteral("name"), QStringLiteral("%1 % region (%2 km²)")
                                                 .arg(std::round(region.level * 100))
                                                 .arg(QString::number(region.areaKm2, 'f', 0)));
  w.writeTextElement(QStringLiteral("styleUrl"),
                     QStringLiteral("#region%1").arg(std::round(region.level * 100)));
  w.writeStartElement(QStringLiteral("ExtendedData"));
  writeData(w, QStringLiteral("path"), path);
  writeData(w, QStringLiteral("level"), formatNumber(region.level));
  writeData(w, QStringLiteral("area_km2"), formatNumber(region.areaKm2));
  w.writeEndElement();
  w.writeStartElement(QStringLiteral("MultiGeometry"));
  for (const auto &poly : region.polygons) {
    w.writeStartElement(QStringLiteral("Polygon"));
    for (qsizetype i = 0; i < poly.size(); ++i) {
      w.writeStartElement(i == 0 ? QStringLiteral("outerBoundaryIs") : QStringLiteral("innerBoundaryIs"));
      w.writeStartElement(QStringLiteral("LinearRing"));
      QStringList coords;
      for (const geo::GeoPoint &p : poly[i])
        coords << coord(p);
      if (!poly[i].isEmpty())
        coords << coord(poly[i].front());
      w.writeTextElement(QStringLiteral("coordinates"), coords.join(u' '));
      w.writeEndElement(); // LinearRing
      w.writeEndElement(); // boundary
    }
    w.writeEndElement(); // Polygon
  }
  w.writeEndElement(); // MultiGeometry
  w.writeEndElement(); // Placemark
}

} // namespace

QByteArray resultsToKml(const std::vector<ImageResult> &results, const ExportOptions &opt,
                        const QString &documentName, const std::vector<SiteResult> &sites) {
  QByteArray out;
  QXmlStreamWriter w(&out);
  w.setAutoFormatting(true);
  w.setAutoFormattingIndent(1);
  w.writeStartDocument();
  w.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
  w.writeStartElement(QStringLiteral("kml"));
  w.writeStartElement(QStringLiteral("Document"));
  w.writeTextElement(QStringLiteral("name"), xmlSafe(documentName));
  w.writeTextElement(QStringLiteral("description"),
                     QStringLiteral("StreetLens geolocation estimates. An estimate, not proof."));
  // KML colours are aabbggrr.
  writeStyle(w, QStringLiteral("estimate"), QStringLiteral("ff2f3fd6"), 1.1);
  writeStyle(w, QStringLiteral("exif"), QStringLiteral("ff3fa02c"), 1.0);
  const bool anyPin = std::any_of(results.begin(), results.end(), [&opt](const ImageResult &r) {
    const Annotation *a = annotationOf(r, opt);
    return a && a->truth;
  });
  if (anyPin) // the analyst's ground-truth pins (files without one are unchanged)
    writeStyle(w, QStringLiteral("truth"), QStringLiteral("ff8a2b7a"), 1.0);
  if (anyGallery(results)) { // the reference gallery's estimate (teal) and neighbours (small)
    writeStyle(w, QStringLiteral("galleryEstimate"), QStringLiteral("ffa09a1f"), 1.1);
    writeStyle(w, QStringLiteral("galleryNeighbour"), QStringLiteral("ffa09a1f"), 0.6);
  }
  if (!sites.empty()) // the analyst's sites' estimates (purple)
    writeStyle(w, QStringLiteral("site"), QStringLiteral("ffb0307a"), 1.3);
  w.writeStartElement(QStringLiteral("Style"));
  w.writeAttribute(QStringLiteral("id"), QStringLiteral("errorLine"));
  w.writeStartElement(QStringLiteral("LineStyle"));
  w.writeTextElement(QStringLiteral("color"), QStringLiteral("ff00a5ff"));
  w.writeTextElement(QStringLiteral("width"), QStringLiteral("3"));
  w.writeEndElement(); // LineStyle
  w.writeEndElement(); // Style
  // Confidence regions: outlined, lightly filled (darker for the smaller, surer ones).
  for (const auto &[level, fill] :
       {std::pair{50, "5a1e3cd6"}, std::pair{90, "3c1e3cd6"}, std::pair{99, "1e1e3cd6"}}) {
    w.writeStartElement(QStringLiteral("Style"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("region%1").arg(level));
    w.writeStartElement(QStringLiteral("LineStyle"));
    w.writeTextElement(QStringLiteral("color"), QStringLiteral("ff1e3cd6"));
    w.writeTextElement(QStringLiteral("width"), QStringLiteral("2"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("PolyStyle"));
    w.writeTextElement(QStringLiteral("color"), QLatin1String(fill));
    w.writeEndElement();
    w.writeEndElement(); // Style
  }

  for (const ImageResult &r : results) {
    if (!r.estimate || !r.estimate->isValid())
      continue;
    const VisibleExif exif = visibleExif(r, opt);
    w.writeStartElement(QStringLiteral("Folder"));
    w.writeTextElement(QStringLiteral("name"), xmlSafe(displayName(r.path)));
    w.writeTextElement(QStringLiteral("description"), xmlSafe(r.path));

    QString desc = r.estimateLabel;
    QList<QPair<QString, QString>> data{{QStringLiteral("path"), r.path},
                                        {QStringLiteral("sha256"), r.sha256}};
    if (!r.countries.empty()) {
      const PlaceProbability &c = r.countries.front();
      desc += QStringLiteral("\nCountry: %1 (%2)").arg(c.name, formatPercent(c.probability));
      data.append({QStringLiteral("country_code"), c.code});
      data.append({QStringLiteral("country_probability"), formatNumber(c.probability)});
    }
    if (!r.cities.empty()) {
      const PlaceProbability &c = r.cities.front();
      desc += QStringLiteral("\nCity: %1 (%2)").arg(c.name, formatPercent(c.probability));
      data.append({QStringLiteral("city_probability"), formatNumber(c.probability)});
    }
    if (exif.errorKm) {
      desc += QStringLiteral("\nError: %1").arg(formatDistanceKm(*exif.errorKm));
      data.append({QStringLiteral("error_km"), formatNumber(*exif.errorKm)});
    }
    const Annotation *note = annotationOf(r, opt);
    if (note && note->verdict != Verdict::None) {
      desc += QStringLiteral("\nAnalyst's verdict: %1").arg(verdictName(note->verdict));
      data.append({QStringLiteral("verdict"), verdictName(note->verdict)});
    }
    if (note && !note->note.trimmed().isEmpty()) {
      desc += QStringLiteral("\nNote: %1").arg(note->note);
      data.append({QStringLiteral("note"), note->note});
    }
    for (const auto *list : {&r.tasks, &r.clues})
      for (const TaskOutcome &t : *list)
        if (const int best = t.best(); best >= 0)
          desc += QStringLiteral("\n%1: %2 (%3)")
                      .arg(t.question.isEmpty() ? t.name : t.question, t.labels[best],
                           formatPercent(t.probs[size_t(best)]));
    for (const TaskCell &c : taskCells(r, taskColumnsOf(std::vector<ImageResult>{r})))
      data.append({c.key, c.probability ? formatNumber(*c.probability) : c.label});
    if (r.gallery && !r.gallery->neighbours.empty()) {
      const GalleryEvidence &g = *r.gallery;
      const GalleryNeighbour &nearest = g.neighbours.front();
      desc += QStringLiteral("\nReference gallery: %1 neighbours, most similar %2 (similarity %3)%4")
                  .arg(g.neighbours.size())
                  .arg(displayName(nearest.path), formatFixed(nearest.score, 3),
                       g.fused ? QStringLiteral(", fused with the model") : QString());
      if (g.zeroShotEstimate)
        desc +=
            QStringLiteral("\nModel alone: %1, %2 from the gallery estimate")
                .arg(g.zeroShotLabel, formatDistanceKm(geo::haversineKm(*g.zeroShotEstimate, g.estimate)));
    }
    if (r.gallery)
      for (const GalleryCell &c : galleryCells(r))
        if (c.number || !c.text.isEmpty())
          data.append({c.key, c.number ? formatNumber(*c.number) : c.text});
    desc += QStringLiteral("\nAn estimate, not proof.");
    const QString estimateName = r.estimateLabel.isEmpty()
                                     ? QStringLiteral("Estimate")
                                     : QStringLiteral("Estimate: %1").arg(r.estimateLabel);
    writePoint(w, estimateName, QStringLiteral("estimate"), desc, *r.estimate, data);
    for (const ConfidenceRegion &region : r.confidenceRegions)
      writeRegion(w, region, r.path);
    if (r.gallery && !r.gallery->neighbours.empty()) {
      const GalleryEvidence &g = *r.gallery;
      writePoint(w, QStringLiteral("Gallery estimate"), QStringLiteral("galleryEstimate"),
                 QStringLiteral("Where the most similar photos of the reference gallery %1 were taken "
                                "(similarity-weighted density %2)")
                     .arg(displayName(g.index), formatFixed(g.density, 3)),
                 g.estimate, {{QStringLiteral("path"), r.path}, {QStringLiteral("index"), g.index}});
      w.writeStartElement(QStringLiteral("Folder"));
      w.writeTextElement(QStringLiteral("name"), QStringLiteral("Gallery neighbours"));
      int rank = 0;
      for (const GalleryNeighbour &n : g.neighbours)
        writePoint(w, QStringLiteral("%1. %2").arg(++rank).arg(displayName(n.path)),
                   QStringLiteral("galleryNeighbour"),
                   QStringLiteral("Similarity %1, %2 from the gallery estimate")
                       .arg(formatFixed(n.score, 3), formatDistanceKm(n.distanceKm)),
                   n.location,
                   {{QStringLiteral("path"), n.path},
                    {QStringLiteral("sha256"), n.sha256},
                    {QStringLiteral("score"), formatNumber(n.score)},
                    {QStringLiteral("weight"), formatNumber(n.weight)},
                    {QStringLiteral("distance_km"), formatNumber(n.distanceKm)}});
      w.writeEndElement(); // Folder
    }
    if (note && note->truth) {
      QString truthDesc = QStringLiteral("Ground truth pinned by the analyst");
      QList<QPair<QString, QString>> truthData{{QStringLiteral("path"), r.path}};
      if (const auto km = note->truthErrorKm(r.estimate)) {
        truthDesc += QStringLiteral("\nEstimate is %1 away").arg(formatDistanceKm(*km));
        truthData.append({QStringLiteral("truth_error_km"), formatNumber(*km)});
      }
      writePoint(w, QStringLiteral("Ground truth"), QStringLiteral("truth"), truthDesc, *note->truth,
                 truthData);
    }

    if (exif.location) {
      QString exifDesc = QStringLiteral("GPS position recorded in the photo's EXIF data");
      if (!exif.country.isEmpty())
        exifDesc += QStringLiteral(" (%1)").arg(exif.country);
      QList<QPair<QString, QString>> exifData{{QStringLiteral("path"), r.path}};
      if (exif.altitude)
        exifData.append({QStringLiteral("altitude_m"), formatNumber(*exif.altitude)});
      writePoint(w, QStringLiteral("EXIF GPS"), QStringLiteral("exif"), exifDesc, *exif.location, exifData);

      w.writeStartElement(QStringLiteral("Placemark"));
      w.writeTextElement(QStringLiteral("name"),
                         exif.errorKm ? QStringLiteral("Error %1").arg(formatDistanceKm(*exif.errorKm))
                                      : QStringLiteral("Error"));
      w.writeTextElement(QStringLiteral("styleUrl"), QStringLiteral("#errorLine"));
      w.writeStartElement(QStringLiteral("LineString"));
      w.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
      QStringList coords;
      for (const geo::GeoPoint &p : geo::greatCirclePath(*r.estimate, *exif.location, 33))
        coords << coord(p);
      // Both ends exactly as the placemarks carry them.
      coords.front() = coord(*r.estimate);
      coords.back() = coord(*exif.location);
      w.writeTextElement(QStringLiteral("coordinates"), coords.join(u' '));
      w.writeEndElement(); // LineString
      w.writeEndElement(); // Placemark
    }
    w.writeEndElement(); // Folder
  }
  for (const SiteResult &site : sites) { // the analyst's sites: fused estimates
    const ImageResult &r = site.posterior;
    if (!r.estimate || !r.estimate->isValid())
      continue;
    w.writeStartElement(QStringLiteral("Folder"));
    w.writeTextElement(QStringLiteral("name"), xmlSafe(QStringLiteral("Site: %1").arg(site.name)));
    QString desc =
        QStringLiteral("%1\n%2 photo(s) in the site").arg(r.estimateLabel).arg(site.members.size());
    QList<QPair<QString, QString>> data{{QStringLiteral("site"), site.name},
                                        {QStringLiteral("members"), site.members.join(u'\n')}};
    if (!r.countries.empty()) {
      const PlaceProbability &c = r.countries.front();
      desc += QStringLiteral("\nCountry: %1 (%2)").arg(c.name, formatPercent(c.probability));
      data.append({QStringLiteral("country_code"), c.code});
      data.append({QStringLiteral("country_probability"), formatNumber(c.probability)});
    }
    if (!r.cities.empty()) {
      const PlaceProbability &c = r.cities.front();
      desc += QStringLiteral("\nCity: %1 (%2)").arg(c.name, formatPercent(c.probability));
      data.append({QStringLiteral("city_probability"), formatNumber(c.probability)});
    }
    desc += QStringLiteral("\nAn estimate, not proof.");
    writePoint(w, QStringLiteral("Site %1: %2").arg(site.name, r.estimateLabel), QStringLiteral("site"), desc,
               *r.estimate, data);
    for (const ConfidenceRegion &region : r.confidenceRegions)
      writeRegion(w, region, QStringLiteral("site:") + site.name);
    w.writeEndElement(); // Folder
  }
  w.writeEndElement(); // Document
  w.writeEndElement(); // kml
  w.writeEndDocument();
  return out;
}

} // namespace streetlens::exporting

#pragma once
// RFC 4180 CSV: the per-image results table and a small strict parser (also used to read
// candidate lists and IM2GPS ground-truth files). Pure functions, any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <vector>

namespace streetlens::exporting {

// One field, quoted when it contains a comma, quote, CR or LF (quotes doubled) or leading/trailing space.
QString csvField(const QString &field);
// Fields joined by commas and terminated by CRLF.
QString csvRecord(const QStringList &fields);

// The header of resultsToCsv, in column order.
QStringList csvHeader();
// The fixed header followed by the task and clue columns of `opt.taskColumns`.
QStringList csvHeader(const ExportOptions &opt);
// The fields of one image's record, in csvHeader(opt) order.
QStringList csvFields(const ImageResult &r, const ExportOptions &opt);

// UTF-8 CSV (no BOM, CRLF line ends): the header, then one record per image. Empty cells for
// values that are absent (no estimate, no EXIF GPS, or EXIF GPS withheld by the options).
QByteArray resultsToCsv(const std::vector<ImageResult> &results, const ExportOptions &opt);
// One record per site, to follow resultsToCsv's: the site's fused answer in the same columns, the
// path "site:<name>", no SHA-256 and no EXIF (a site's members are in the JSON export).
QByteArray sitesToCsvRows(const std::vector<SiteResult> &sites, const ExportOptions &opt);

// Parses RFC 4180 CSV from UTF-8 bytes (a leading UTF-8 BOM is skipped). Records end at CRLF, LF
// or CR; quoted fields may hold commas, doubled quotes and line breaks. A final line break does
// not start another record; an empty line is a record with one empty field. On malformed input
// (quote inside an unquoted field, text after a closing quote, unterminated quote, invalid
// UTF-8) returns an empty list and sets *error to a message with the line number.
QList<QStringList> parseCsv(const QByteArray &data, QString *error);

} // namespace streetlens::exporting

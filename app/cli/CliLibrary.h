#pragma once
// The case library in streetlens-cli (issue 21): `index`, `search`, and predict's --gallery
// options. Photos are embedded by the shared pipeline (analyzeAll, AnalysisSession) into a
// project — the one given with --project, else a temporary one — and read back from the
// project's kept embeddings. Runs on the main thread.
#include "app/cli/CliAnalysis.h"

namespace streetlens::cli {

int cmdIndex(const QStringList &args);
int cmdSearch(const QStringList &args);
int cmdDuplicates(const QStringList &args);

// --gallery FILE, --gallery-k, --gallery-bandwidth, --gallery-temperature, --gallery-weight.
void addGalleryOptions(QCommandLineParser &p);
// Checks them before the model is loaded (numbers; the file opens as an index). -1 or the exit code.
int checkGalleryOptions(const QCommandLineParser &p);
// After prepareRun: opens the gallery for the loaded model and hands it to run.analyzer.
int attachGallery(const QCommandLineParser &p, Run &run);

} // namespace streetlens::cli

#include "ui/RemoveImagesCommand.h"

#include "ui/AnalysisController.h"

#include <QCoreApplication>
#include <algorithm>

namespace streetlens::ui {

namespace {
bool inProject(const QString &sha) {
  return !sha.isEmpty() && !sha.startsWith(QLatin1String("path:"));
}
} // namespace

RemoveImagesCommand::RemoveImagesCommand(ImageListModel *model, AnalysisController *analysis,
                                         const store::ProjectStore *store, std::vector<int> rows)
    : m_model(model), m_analysis(analysis) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (int r : rows) {
    if (r < 0 || r >= model->rowCount())
      continue;
    Removed x;
    x.index = r;
    x.row = model->row(r);
    if (store && inProject(x.row.sha256))
      x.stored = store->image(x.row.sha256);
    m_removed.push_back(std::move(x));
  }
  setText(QCoreApplication::translate("streetlens::ui::RemoveImagesCommand", "Remove %n photo(s)", nullptr,
                                      int(m_removed.size())));
}

void RemoveImagesCommand::redo() {
  for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it) {
    const int r = m_model->rowOfPath(it->row.path);
    if (inProject(it->row.sha256))
      m_analysis->removeImage(it->row.sha256); // the worker's session is the project's only writer
    if (r >= 0)
      m_model->removeAt(r);
  }
}

void RemoveImagesCommand::undo() {
  std::vector<store::StoredImage> back;
  std::vector<std::pair<QString, QString>> again;
  for (const Removed &x : m_removed) {
    if (m_model->rowOfPath(x.row.path) >= 0 || m_model->rowOfSha(x.row.sha256) >= 0)
      continue; // listed again meanwhile (added anew)
    ImageRow row = x.row;
    const bool waiting = row.state == RowState::Queued || row.state == RowState::Running;
    if (waiting)
      row.state = RowState::Queued;
    m_model->insertAt(x.index, row);
    if (x.stored)
      back.push_back(*x.stored);
    if (waiting && inProject(row.sha256))
      again.emplace_back(row.path, row.sha256);
  }
  if (!back.empty())
    m_analysis->restoreImages(back); // before the queue: the stored result is then resumed
  for (const auto &[path, sha] : again)
    m_analysis->enqueue(path, sha);
}

} // namespace streetlens::ui

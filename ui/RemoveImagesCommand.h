#pragma once
// RemoveImagesCommand: the undoable removal of photos from the project (Edit > Remove, Delete;
// Edit > Undo, Ctrl+Z). Owns copies of the removed rows — the list's row and, for photos in the
// project file, what the file held (image row, thumbnail, latest result), read through the GUI
// thread's read-only connection before the removal. redo() takes the rows out of the list and
// asks the worker to delete them from the file; undo() puts the rows back where they were and asks
// the worker to write them back (it is the file's only writer); photos that were still waiting are
// queued again. Lives on the GUI thread, in the window's QUndoStack.
#include "core/store/ProjectStore.h"
#include "ui/ImageListModel.h"

#include <QUndoCommand>
#include <optional>
#include <vector>

namespace streetlens::ui {

class AnalysisController;

class RemoveImagesCommand : public QUndoCommand {
public:
  // `rows`: indexes into the model. `store`: the read-only connection (may be null).
  RemoveImagesCommand(ImageListModel *model, AnalysisController *analysis, const store::ProjectStore *store,
                      std::vector<int> rows);
  void redo() override;
  void undo() override;
  int count() const { return int(m_removed.size()); }

private:
  struct Removed {
    int index = 0; // in the list before the removal
    ImageRow row;
    std::optional<store::StoredImage> stored;
  };
  ImageListModel *m_model;
  AnalysisController *m_analysis;
  std::vector<Removed> m_removed; // ascending index
};

} // namespace streetlens::ui

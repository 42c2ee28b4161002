#pragma once
// PhotoView: shows the selected photo scaled to fit (EXIF orientation applied): the preview the
// pipeline made from its one decode when the row still has it, else the thumbnail and one lazy
// decode off the GUI thread with the safe image loader (a newer request supersedes an older one).
// Owns the image shown and the patch explanation drawn over it (a heat map on the part of the photo
// the model saw, the rest dimmed). GUI thread.
#include "ui/ExplanationResult.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

namespace streetlens::ui {

class PhotoView : public QWidget {
  Q_OBJECT
public:
  explicit PhotoView(QWidget *parent = nullptr);
  ~PhotoView() override;
  // Shows `preview` when given (no decode); otherwise loads `path` in the background and shows
  // `placeholder` (a thumbnail) until it is ready.
  void showPhoto(const QString &path, const QImage &placeholder = {}, const QImage &preview = {});
  void showMessage(const QString &text); // no photo, a line of text instead
  // A banner over the photo (e.g. the file is missing on disk); empty removes it. showPhoto and
  // showMessage remove it too.
  void setNote(const QString &text);
  const QString &note() const { return m_note; }
  const QString &currentPath() const { return m_path; }
  const QImage &image() const { return m_image; }
  // Draws `e` over the photo while the photo shown is e->path (null removes it). showPhoto of
  // another path and showMessage remove it.
  void setExplanation(ExplanationResultPtr e);
  const ExplanationResultPtr &explanation() const { return m_explanation; }
  void setExplanationOpacity(double opacity); // 0..1
  double explanationOpacity() const { return m_opacity; }

Q_SIGNALS:
  void photoLoaded(const QString &path);

protected:
  void paintEvent(QPaintEvent *event) override;

private:
  QString m_path, m_message, m_error, m_note;
  QImage m_image;
  ExplanationResultPtr m_explanation;
  double m_opacity = 0.6;
  QFutureWatcher<QImage> m_watcher;
  int m_generation = 0;
};

} // namespace streetlens::ui

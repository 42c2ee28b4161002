#pragma once
// UserGuideDialog: the user guide (docs/USER_GUIDE.md, built into the app as a resource) in a
// window of its own, opened from Help > User guide (F1). Owns its text browser. Not modal, so the
// guide can stay open beside the window. GUI thread.
#include <QDialog>

class QTextBrowser;

namespace streetlens::ui {

class UserGuideDialog : public QDialog {
  Q_OBJECT
public:
  explicit UserGuideDialog(QWidget *parent = nullptr);
  QTextBrowser *browser() const { return m_browser; }
  // The guide's Markdown as shown (pictures left out: they are not built into the app).
  static QString guideMarkdown();

private:
  QTextBrowser *m_browser = nullptr;
};

} // namespace streetlens::ui

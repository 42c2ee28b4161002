#pragma once
// PhotoSearchBox: the Similar tab's drop zone — a photo file dragged onto it (or chosen with
// Browse…) is the query of a search for similar photos. Owns only its label and button; it reports
// the file with photoChosen() and does nothing else (the photo is embedded by the analysis pipeline).
// GUI thread.
#include <QFrame>

class QLabel;
class QPushButton;

namespace streetlens::ui {

class PhotoSearchBox : public QFrame {
  Q_OBJECT
public:
  explicit PhotoSearchBox(QWidget *parent = nullptr);
  // What the box shows under its prompt: the photo searched for, or what went wrong.
  void setText(const QString &text);
  QString text() const;
  QPushButton *browseButton() const { return m_browse; }

Q_SIGNALS:
  void photoChosen(const QString &path);

protected:
  void dragEnterEvent(QDragEnterEvent *event) override;
  void dragLeaveEvent(QDragLeaveEvent *event) override;
  void dropEvent(QDropEvent *event) override;

private:
  void setHighlighted(bool on);
  QLabel *m_prompt, *m_text;
  QPushButton *m_browse;
};

} // namespace streetlens::ui

#pragma once
// UntitledWork: keeps work in untitled projects from being stranded. On quit it asks about an
// untitled project that holds photos (Save / Discard / Cancel); an untitled project file that is
// empty or discarded is deleted once the window has gone; after a save-as the untitled file left
// behind is deleted. At start it offers to recover the newest untitled project that an earlier
// session left in the data folder (it ended without saving: killed, crashed, power cut), and
// deletes empty ones left there. Owns no project; asks the window through hooks; its questions
// are opened with open() (no nested event loop). GUI thread.
#include <QDateTime>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <functional>
#include <vector>

class QWidget;

namespace streetlens::ui {

class UntitledWork : public QObject {
  Q_OBJECT
public:
  struct Hooks {
    std::function<bool()> isUntitled;
    std::function<QString()> path;        // of the project shown
    std::function<int()> photoCount;      // photos listed
    std::function<void()> saveAs;         // opens the save-as dialog
    std::function<void(QString)> recover; // opens a left-over untitled project
  };
  struct Leftover {
    QString path;
    QDateTime modified;
    int photos = 0;
  };

  UntitledWork(QWidget *window, QString dir, Hooks hooks);

  // From closeEvent: true when the window may close now; false when a question is open (the
  // window is closed again once it is answered).
  bool allowClose();
  // A save-as has finished: the untitled file it came from goes; closes the window when the quit
  // question asked for the save.
  void savedAs(const QString &fromUntitled);
  // Whether the untitled file shown should be deleted when the window goes (empty or discarded).
  bool deleteOnExit() const;
  // At start: offers the newest left-over untitled project other than the one shown.
  void offerRecovery();
  QMessageBox *openQuestion() const { return m_question; }

  // Untitled projects in `dir` other than `except`, newest first; empty ones are deleted.
  static std::vector<Leftover> leftovers(const QString &dir, const QString &except);
  // Deletes a project file and its SQLite side files.
  static void removeProjectFiles(const QString &path);

private:
  QWidget *m_window;
  QString m_dir;
  Hooks m_hooks;
  QPointer<QMessageBox> m_question;
  bool m_closeConfirmed = false, m_discard = false, m_closeAfterSave = false;
};

} // namespace streetlens::ui

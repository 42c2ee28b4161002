#include "ui/UntitledWork.h"

#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QWidget>
#include <algorithm>

namespace streetlens::ui {

UntitledWork::UntitledWork(QWidget *window, QString dir, Hooks hooks)
    : QObject(window), m_window(window), m_dir(std::move(dir)), m_hooks(std::move(hooks)) {}

bool UntitledWork::allowClose() {
  if (m_closeConfirmed || !m_hooks.isUntitled())
    return true;
  if (m_hooks.photoCount() == 0)
    return true; // nothing to keep: deleteOnExit() removes the empty file
  if (m_question)
    return false;
  auto *box = new QMessageBox(QMessageBox::Warning, tr("Unsaved project"),
                              tr("This untitled project has %n photo(s) and is not saved under a name.",
                                 nullptr, m_hooks.photoCount()),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
  box->setInformativeText(tr("Save it to keep the photos and their results, or discard it."));
  box->setDefaultButton(QMessageBox::Save);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box] {
    const QMessageBox::StandardButton b = box->standardButton(box->clickedButton());
    if (b == QMessageBox::Discard) {
      m_discard = m_closeConfirmed = true;
      QTimer::singleShot(0, m_window, &QWidget::close);
    } else if (b == QMessageBox::Save) {
      m_closeAfterSave = true;
      m_hooks.saveAs();
    }
  });
  m_question = box;
  box->open();
  return false;
}

void UntitledWork::savedAs(const QString &fromUntitled) {
  if (!fromUntitled.isEmpty())
    removeProjectFiles(fromUntitled); // its content is in the saved copy now
  if (std::exchange(m_closeAfterSave, false)) {
    m_closeConfirmed = true;
    QTimer::singleShot(0, m_window, &QWidget::close);
  }
}

bool UntitledWork::deleteOnExit() const {
  return m_hooks.isUntitled() && (m_discard || m_hooks.photoCount() == 0);
}

std::vector<UntitledWork::Leftover> UntitledWork::leftovers(const QString &dir, const QString &except) {
  std::vector<Leftover> out;
  const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("untitled-*.streetlens")}, QDir::Files);
  for (const QFileInfo &f : files) {
    if (f.absoluteFilePath() == QFileInfo(except).absoluteFilePath())
      continue;
    QLockFile lock(f.absoluteFilePath() + QStringLiteral(".lock"));
    if (!lock.tryLock(0))
      continue; // open in another StreetLens window
    lock.unlock();
    if (f.size() == 0) {
      removeProjectFiles(f.absoluteFilePath());
      continue;
    }
    QString err;
    auto store = store::ProjectStore::open(f.absoluteFilePath(), &err);
    const int photos = store ? store->imageCount() : -1;
    store.reset();
    if (photos == 0) {
      removeProjectFiles(f.absoluteFilePath());
      continue;
    }
    if (photos > 0)
      out.push_back({f.absoluteFilePath(), f.lastModified(), photos});
  }
  std::sort(out.begin(), out.end(),
            [](const Leftover &a, const Leftover &b) { return a.modified > b.modified; });
  return out;
}

void UntitledWork::removeProjectFiles(const QString &path) {
  for (const QString &suffix :
       {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
    QFile::remove(path + suffix);
}

void UntitledWork::offerRecovery() {
  const std::vector<Leftover> found = leftovers(m_dir, m_hooks.path());
  if (found.empty())
    return;
  const Leftover newest = found.front();
  auto *box = new QMessageBox(
      QMessageBox::Question, tr("Recover unsaved work"),
      tr("An untitled project with %n photo(s), last changed %1, was not saved when StreetLens ended.",
         nullptr, newest.photos)
          .arg(QLocale().toString(newest.modified, QLocale::ShortFormat)),
      QMessageBox::NoButton, m_window);
  box->setInformativeText(tr("Recover it to go on with it (File > Save project as… keeps it under a name), "
                             "or discard it."));
  QPushButton *recover = box->addButton(tr("Recover"), QMessageBox::AcceptRole);
  QPushButton *discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
  box->addButton(tr("Later"), QMessageBox::RejectRole);
  box->setDefaultButton(recover);
  box->setAttribute(Qt::WA_DeleteOnClose);
  const QString path = newest.path;
  connect(box, &QMessageBox::finished, this, [this, box, recover, discard, path] {
    if (box->clickedButton() == recover)
      m_hooks.recover(path);
    else if (box->clickedButton() == discard)
      removeProjectFiles(path);
  });
  m_question = box;
  box->open();
}

} // namespace streetlens::ui

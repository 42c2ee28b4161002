#include "ui/PhotoSearchBox.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
// The first local file of a drag (folders are not photos).
QString droppedFile(const QMimeData *mime) {
  if (!mime || !mime->hasUrls())
    return {};
  for (const QUrl &url : mime->urls())
    if (url.isLocalFile() && !QFileInfo(url.toLocalFile()).isDir())
      return url.toLocalFile();
  return {};
}
} // namespace

PhotoSearchBox::PhotoSearchBox(QWidget *parent) : QFrame(parent) {
  setObjectName(QStringLiteral("photoSearchBox"));
  setAcceptDrops(true);
  setFrameShape(QFrame::StyledPanel);
  setFrameShadow(QFrame::Sunken);
  setAutoFillBackground(true);
  auto *row = new QHBoxLayout(this);
  auto *texts = new QVBoxLayout;
  m_prompt = new QLabel(tr("<b>Search with a photo:</b> drop a photo file here to find the most similar "
                           "photos in this project and the case folder."),
                        this);
  m_prompt->setWordWrap(true);
  m_text = new QLabel(this);
  m_text->setWordWrap(true);
  m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_text->hide();
  texts->addWidget(m_prompt);
  texts->addWidget(m_text);
  row->addLayout(texts, 1);
  m_browse = new QPushButton(tr("Browse…"), this);
  m_browse->setToolTip(tr("Choose a photo to search with"));
  row->addWidget(m_browse, 0, Qt::AlignTop);
  connect(m_browse, &QPushButton::clicked, this, [this] {
    auto *dlg = new QFileDialog(this, tr("Search with a photo"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    dlg->setNameFilter(tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)"));
    connect(dlg, &QFileDialog::fileSelected, this, &PhotoSearchBox::photoChosen);
    dlg->open();
  });
}

void PhotoSearchBox::setText(const QString &text) {
  m_text->setText(text);
  m_text->setVisible(!text.isEmpty());
}

QString PhotoSearchBox::text() const {
  return m_text->text();
}

void PhotoSearchBox::setHighlighted(bool on) {
  setBackgroundRole(on ? QPalette::Highlight : QPalette::Window);
  setForegroundRole(on ? QPalette::HighlightedText : QPalette::WindowText);
}

void PhotoSearchBox::dragEnterEvent(QDragEnterEvent *event) {
  if (droppedFile(event->mimeData()).isEmpty())
    return;
  event->acceptProposedAction();
  setHighlighted(true);
}

void PhotoSearchBox::dragLeaveEvent(QDragLeaveEvent *event) {
  setHighlighted(false);
  QFrame::dragLeaveEvent(event);
}

void PhotoSearchBox::dropEvent(QDropEvent *event) {
  setHighlighted(false);
  const QString path = droppedFile(event->mimeData());
  if (path.isEmpty())
    return;
  event->acceptProposedAction(); // the window's own drop (add to the project) does not see it
  Q_EMIT photoChosen(path);
}

} // namespace streetlens::ui

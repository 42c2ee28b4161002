#include "ui/UserGuideDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace streetlens::ui {

QString UserGuideDialog::guideMarkdown() {
  QFile f(QStringLiteral(":/docs/USER_GUIDE.md"));
  if (!f.open(QIODevice::ReadOnly))
    return tr("The user guide is not part of this build.");
  QString text = QString::fromUtf8(f.readAll());
  text.remove(QRegularExpression(QStringLiteral("^!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"),
                                 QRegularExpression::MultilineOption));
  return text;
}

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent) {
  setWindowTitle(tr("StreetLens user guide"));
  resize(820, 760);
  m_browser = new QTextBrowser(this);
  m_browser->setOpenExternalLinks(false);
  m_browser->setMarkdown(guideMarkdown());
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_browser);
  layout->addWidget(buttons);
}

} // namespace streetlens::ui

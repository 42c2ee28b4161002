#include "ui/EvidencePanel.h"

#include "core/gazetteer/Gazetteer.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

namespace streetlens::ui {

EvidencePanel::EvidencePanel(std::shared_ptr<const gazetteer::Gazetteer> gazetteer, QWidget *parent)
    : QWidget(parent), m_gaz(std::move(gazetteer)) {
  auto *root = new QVBoxLayout(this);
  auto *where = new QGroupBox(tr("What you know about where"), this);
  auto *form = new QFormLayout(where);
  m_keep = new QLineEdit(where);
  m_keep->setPlaceholderText(tr("e.g. HU, AT, SK"));
  m_keep->setToolTip(tr("Keep only these countries (ISO codes, comma-separated)"));
  m_drop = new QLineEdit(where);
  m_drop->setPlaceholderText(tr("e.g. RU"));
  m_drop->setToolTip(tr("Exclude these countries"));
  form->addRow(tr("Only countries"), m_keep);
  form->addRow(tr("Not countries"), m_drop);
  connect(m_keep, &QLineEdit::editingFinished, this, &EvidencePanel::applyCountryFields);
  connect(m_drop, &QLineEdit::editingFinished, this, &EvidencePanel::applyCountryFields);

  m_list = new QListWidget(where);
  m_list->setMinimumHeight(70);
  m_list->setMaximumHeight(120);
  m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  form->addRow(tr("Areas"), m_list);
  auto *buttons = new QGridLayout;
  auto *drawIn = new QPushButton(tr("Draw area"), where);
  drawIn->setToolTip(tr("Click the corners on the map; Enter or double-click ends, Esc cancels"));
  auto *drawOut = new QPushButton(tr("Draw exclusion"), where);
  auto *load = new QPushButton(tr("GeoJSON…"), where);
  load->setToolTip(tr("Load the Polygon/MultiPolygon areas of a GeoJSON file"));
  auto *remove = new QPushButton(tr("Remove"), where);
  buttons->addWidget(drawIn, 0, 0);
  buttons->addWidget(drawOut, 0, 1);
  buttons->addWidget(load, 1, 0);
  buttons->addWidget(remove, 1, 1);
  form->addRow(buttons);
  connect(drawIn, &QPushButton::clicked, this, [this] { Q_EMIT drawAreaRequested(false); });
  connect(drawOut, &QPushButton::clicked, this, [this] { Q_EMIT drawAreaRequested(true); });
  connect(remove, &QPushButton::clicked, this, [this] { removeArea(m_list->currentRow()); });
  connect(load, &QPushButton::clicked, this, [this] {
    // Non-blocking: the dialog reports back through a signal, no nested event loop.
    auto *dlg = new QFileDialog(this, tr("Areas to keep the answer within"), QString(),
                                tr("GeoJSON (*.geojson *.json)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString &f) { addGeoJsonFile(f, false); });
    dlg->open();
  });

  auto *circle = new QGridLayout;
  m_lat = new QDoubleSpinBox(where);
  m_lat->setRange(-90, 90);
  m_lat->setDecimals(4);
  m_lon = new QDoubleSpinBox(where);
  m_lon->setRange(-180, 180);
  m_lon->setDecimals(4);
  m_km = new QDoubleSpinBox(where);
  m_km->setRange(1, 20000);
  m_km->setValue(50);
  m_km->setSuffix(tr(" km"));
  auto *addCircleButton = new QPushButton(tr("Add"), where);
  m_lat->setToolTip(tr("Latitude of the centre"));
  m_lon->setToolTip(tr("Longitude of the centre"));
  circle->addWidget(m_lat, 0, 0);
  circle->addWidget(m_lon, 0, 1);
  circle->addWidget(m_km, 1, 0);
  circle->addWidget(addCircleButton, 1, 1);
  form->addRow(tr("Near"), circle);
  connect(addCircleButton, &QPushButton::clicked, this, [this] {
    addCircle({{m_lat->value(), m_lon->value()}, m_km->value()});
  });
  auto *clear = new QPushButton(tr("Clear all"), where);
  connect(clear, &QPushButton::clicked, this, &EvidencePanel::clearAll);
  form->addRow(clear);
  m_inside = new QLabel(where);
  m_inside->setWordWrap(true);
  form->addRow(m_inside);
  m_error = new QLabel(where);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b01e1e"));
  m_error->hide();
  form->addRow(m_error);
  root->addWidget(where);

  auto *sites = new QGroupBox(tr("Several photos of one place"), this);
  auto *siteBox = new QVBoxLayout(sites);
  auto *siteRow = new QHBoxLayout;
  m_siteName = new QLineEdit(sites);
  m_siteName->setPlaceholderText(tr("Site name"));
  auto *group = new QPushButton(tr("Group selected"), sites);
  group->setToolTip(tr("Fuse the photos selected in the list into one site"));
  siteRow->addWidget(m_siteName, 1);
  siteRow->addWidget(group);
  siteBox->addLayout(siteRow);
  connect(group, &QPushButton::clicked, this, [this] {
    const QString name = m_siteName->text().trimmed();
    Q_EMIT groupRequested(name.isEmpty() ? tr("Site") : name);
  });
  // The project's sites: selecting one shows its fused answer in the results panel and the map.
  m_sites = new QListWidget(sites);
  m_sites->setObjectName(QStringLiteral("evidenceSites"));
  m_sites->setMinimumHeight(60);
  m_sites->setMaximumHeight(140);
  m_sites->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_sites->setToolTip(tr("The sites of this project; select one to see its fused answer"));
  siteBox->addWidget(m_sites);
  auto *siteButtons = new QHBoxLayout;
  auto *rename = new QPushButton(tr("Rename"), sites);
  rename->setToolTip(tr("Give the selected site the name typed above"));
  auto *removeSite = new QPushButton(tr("Delete site"), sites);
  removeSite->setToolTip(tr("Delete the selected site (its photos stay in the project)"));
  siteButtons->addWidget(rename);
  siteButtons->addWidget(removeSite);
  siteButtons->addStretch(1);
  siteBox->addLayout(siteButtons);
  connect(m_sites, &QListWidget::itemClicked, this,
          [this](QListWidgetItem *item) { Q_EMIT siteSelected(m_sites->row(item)); });
  connect(m_sites, &QListWidget::itemSelectionChanged, this, [this] { // keyboard
    if (selectedSite() >= 0)
      Q_EMIT siteSelected(selectedSite());
  });
  connect(rename, &QPushButton::clicked, this, [this] {
    const QString name = m_siteName->text().trimmed();
    if (selectedSite() < 0 || name.isEmpty()) {
      showError(tr("Select a site and type its new name in the site name field."));
      return;
    }
    showError({});
    Q_EMIT renameSiteRequested(selectedSite(), name);
  });
  connect(removeSite, &QPushButton::clicked, this, [this] {
    if (selectedSite() >= 0)
      Q_EMIT deleteSiteRequested(selectedSite());
  });
  root->addWidget(sites);
  root->addStretch(1);
}

void EvidencePanel::setConstraint(const GeoConstraint &c) {
  m_constraint = c;
  m_areas.clear();
  // rebuildList() orders the areas by kind, so a stored constraint's sources name its areas in
  // this order; labels are made up when they do not match (a constraint from elsewhere).
  const bool named = c.sources.size() == c.within.size() + c.exclude.size() + c.near.size();
  qsizetype source = 0;
  auto label = [&](const QString &fallback) { return named ? c.sources[source++] : fallback; };
  for (qsizetype i = 0; i < c.within.size(); ++i)
    m_areas.push_back({Area::Kind::Within, c.within[i], {}, label(tr("Within area %1").arg(i + 1))});
  for (qsizetype i = 0; i < c.exclude.size(); ++i)
    m_areas.push_back({Area::Kind::Exclude, c.exclude[i], {}, label(tr("Excluded area %1").arg(i + 1))});
  for (const GeoCircle &circle : c.near)
    m_areas.push_back({Area::Kind::Circle, {}, circle, {}});
  m_keep->setText(c.countries.join(QStringLiteral(", ")));
  m_drop->setText(c.excludeCountries.join(QStringLiteral(", ")));
  rebuildList();
}

void EvidencePanel::setSites(const std::vector<SiteEntry> &sites) {
  const QSignalBlocker block(m_sites);
  const int selected = selectedSite();
  m_sites->clear();
  for (const SiteEntry &s : sites)
    m_sites->addItem(tr("%1 — %n photo(s)", nullptr, s.photos).arg(s.name));
  if (selected >= 0 && selected < m_sites->count()) {
    m_sites->setCurrentRow(selected);
    m_sites->item(selected)->setSelected(true);
  }
}

int EvidencePanel::siteCount() const {
  return m_sites->count();
}

int EvidencePanel::selectedSite() const {
  const QList<QListWidgetItem *> items = m_sites->selectedItems();
  return items.isEmpty() ? -1 : m_sites->row(items.front());
}

void EvidencePanel::selectSite(int row) {
  if (row < 0 || row >= m_sites->count())
    return;
  {
    const QSignalBlocker block(m_sites);
    m_sites->setCurrentRow(row);
    m_sites->item(row)->setSelected(true);
  }
  Q_EMIT siteSelected(row);
}

void EvidencePanel::clearSiteSelection() {
  const QSignalBlocker block(m_sites);
  m_sites->clearSelection();
  m_sites->setCurrentRow(-1);
}

QString EvidencePanel::siteNameText() const {
  return m_siteName->text().trimmed();
}

bool EvidencePanel::addGeoJsonFile(const QString &path, bool exclude) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    showError(tr("%1: cannot open (%2)").arg(path, f.errorString()));
    return false;
  }
  QString err;
  const auto areas = parseGeoJsonAreas(f.read(256 << 20), path, &err);
  if (!areas) {
    showError(err);
    return false;
  }
  for (qsizetype i = 0; i < areas->size(); ++i)
    m_areas.push_back({exclude ? Area::Kind::Exclude : Area::Kind::Within,
                       areas->at(i),
                       {},
                       tr("%1 %2 (%3 of %4)")
                           .arg(exclude ? tr("Not in") : tr("Within"), QFileInfo(path).fileName())
                           .arg(i + 1)
                           .arg(areas->size())});
  showError({});
  rebuildList();
  emitChanged();
  return true;
}

void EvidencePanel::addDrawnArea(const QVector<geo::GeoPoint> &ring, bool exclude) {
  const geo::GeoRing r = geo::GeoRing::fromPoints(ring);
  if (r.isEmpty()) {
    showError(tr("An area needs at least three corners."));
    return;
  }
  m_areas.push_back({exclude ? Area::Kind::Exclude : Area::Kind::Within,
                     geo::GeoMultiPolygon({geo::GeoPolygon({r})}),
                     {},
                     exclude ? tr("Not in drawn area (%1 corners)").arg(ring.size())
                             : tr("Within drawn area (%1 corners)").arg(ring.size())});
  showError({});
  rebuildList();
  emitChanged();
}

void EvidencePanel::addCircle(const GeoCircle &circle) {
  m_areas.push_back({Area::Kind::Circle, {}, circle, {}});
  rebuildList();
  emitChanged();
}

void EvidencePanel::removeArea(int row) {
  if (row < 0 || row >= m_areas.size())
    return;
  m_areas.removeAt(row);
  rebuildList();
  emitChanged();
}

void EvidencePanel::clearAll() {
  m_areas.clear();
  m_keep->clear();
  m_drop->clear();
  m_constraint.countries.clear();
  m_constraint.excludeCountries.clear();
  showError({});
  rebuildList();
  emitChanged();
}

void EvidencePanel::applyCountryFields() {
  QString err;
  const auto keep = parseCountryList(m_keep->text(), m_gaz.get(), &err);
  const auto drop = keep ? parseCountryList(m_drop->text(), m_gaz.get(), &err) : std::nullopt;
  if (!keep || !drop) {
    showError(err);
    return;
  }
  showError({});
  if (*keep == m_constraint.countries && *drop == m_constraint.excludeCountries)
    return;
  m_constraint.countries = *keep;
  m_constraint.excludeCountries = *drop;
  emitChanged();
}

void EvidencePanel::rebuildList() {
  // Listed by kind (within, excluded, circles), the order GeoConstraint keeps them in, so that the
  // constraint's sources line up with its areas when a project stores and restores them.
  std::stable_sort(m_areas.begin(), m_areas.end(),
                   [](const Area &a, const Area &b) { return a.kind < b.kind; });
  m_list->clear();
  m_constraint.within.clear();
  m_constraint.exclude.clear();
  m_constraint.near.clear();
  m_constraint.sources.clear();
  const QLocale loc;
  for (const Area &a : m_areas) {
    QString label = a.label;
    switch (a.kind) {
    case Area::Kind::Within:
      m_constraint.within.push_back(a.polygon);
      break;
    case Area::Kind::Exclude:
      m_constraint.exclude.push_back(a.polygon);
      break;
    case Area::Kind::Circle:
      m_constraint.near.push_back(a.circle);
      label = tr("Within %1 km of %2, %3")
                  .arg(loc.toString(a.circle.radiusKm, 'f', 0), loc.toString(a.circle.centre.lat, 'f', 4),
                       loc.toString(a.circle.centre.lon, 'f', 4));
      break;
    }
    m_constraint.sources << label;
    m_list->addItem(label);
  }
}

void EvidencePanel::setSunBands(const QVector<geo::SunBand> &bands) {
  m_constraint.sunBands = bands;
  emitChanged();
}

void EvidencePanel::showMassInside(std::optional<double> share, bool empty) {
  if (!share) {
    m_inside->clear();
    return;
  }
  const QString pct = QLocale().toString(100.0 * *share, 'g', 3);
  m_inside->setText(
      empty ? tr("Only %1 % of the model's probability lies inside: too little to show a place.").arg(pct)
            : tr("%1 % of the model's probability lies inside.").arg(pct));
}

QString EvidencePanel::errorText() const {
  return m_error->isHidden() ? QString() : m_error->text();
}

void EvidencePanel::showError(const QString &text) {
  m_error->setText(text);
  m_error->setVisible(!text.isEmpty());
}

void EvidencePanel::emitChanged() {
  Q_EMIT constraintChanged(m_constraint);
}

} // namespace streetlens::ui

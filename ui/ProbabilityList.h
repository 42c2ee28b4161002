#pragma once
// ProbabilityList: a painted list of places with horizontal probability bars ("France ███ 61 %").
// Owns a copy of the entries it shows. GUI thread.
#include "core/analysis/GeoResult.h"

#include <QWidget>

namespace streetlens::ui {

class ProbabilityList : public QWidget {
  Q_OBJECT
public:
  explicit ProbabilityList(QWidget *parent = nullptr);
  void setEntries(const std::vector<PlaceProbability> &entries, int maxRows);
  const std::vector<PlaceProbability> &entries() const { return m_entries; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

protected:
  void paintEvent(QPaintEvent *event) override;

private:
  std::vector<PlaceProbability> m_entries;
  int rowHeight() const;
};

} // namespace streetlens::ui

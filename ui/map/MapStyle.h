#pragma once
// MapStyle: the colours, pens and fonts of the map, in one place so that the widget, exported
// PNGs and report maps look the same. Plain value, any thread.
#include <QColor>
#include <QString>

namespace streetlens::ui {

struct MapStyle {
  QColor sea{0xc9, 0xdc, 0xe8};
  QColor land{0xf3, 0xf0, 0xe8};
  QColor coast{0x6b, 0x8a, 0xa3};
  QColor border{0x8c, 0x82, 0x8f};
  QColor graticule{0x6b, 0x8a, 0xa3, 70};
  QColor countryLabel{0x4a, 0x45, 0x52};
  QColor labelHalo{255, 255, 255, 200};
  QColor choroplethHigh{0x2f, 0x6f, 0xa8}; // the most probable country (alpha grows with probability)
  QColor estimate{0xd6, 0x27, 0x28};
  QColor exif{0x1b, 0x7f, 0x3b};
  QColor gallery{0xe6, 0x7e, 0x00}; // the reference gallery's estimate and its neighbours
  QColor truth{0x7a, 0x2b, 0x8a};   // the analyst's ground-truth pin
  QColor city{0x2b, 0x3a, 0x67};
  QColor panel{255, 255, 255, 225};
  QColor panelText{0x22, 0x22, 0x22};
  double heatmapOpacity = 0.78;
  int labelPointSize = 9;
  QString fontFamily = QStringLiteral("DejaVu Sans");
};

} // namespace streetlens::ui

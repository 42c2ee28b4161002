#pragma once
// Helpers for the app tests: isolated QSettings and app folders, generated test photos and engine
// factories that make FakeEngines (no torch). Test thread only.
#include "tests/support/FakeEngine.h"
#include "ui/EngineFactory.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace streetlens::test {

// Points QSettings (INI) and QStandardPaths at temporary folders so tests never touch the user's.
inline void isolateSettings(const QString &dir) {
  QStandardPaths::setTestModeEnabled(true);
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
  QSettings().clear();
}

// A small photo-like PNG (distinct content per seed) at dir/name; returns the absolute path.
inline QString writePhoto(const QString &dir, const QString &name, int seed, QSize size = QSize(96, 64)) {
  QImage img(size, QImage::Format_RGB32);
  img.fill(QColor::fromHsv((seed * 47) % 360, 120, 200));
  QPainter p(&img);
  p.setPen(Qt::NoPen);
  for (int i = 0; i < 6; ++i) {
    p.setBrush(QColor::fromHsv((seed * 31 + i * 60) % 360, 200, 120 + (i * 20) % 120));
    p.drawRect((seed * 7 + i * 13) % size.width(), (i * 11) % size.height(), 12 + i * 3, 8 + seed % 9);
  }
  p.end();
  QDir().mkpath(dir);
  const QString path = QDir(dir).absoluteFilePath(name);
  img.save(path);
  return path;
}

inline ui::EngineFactory fakeFactory(FakeEngine::Options options = {}) {
  return [options](const EngineOptions &request) {
    ui::CreatedEngine c;
    if (request.modelDir == QLatin1String("missing")) {
      c.error = QStringLiteral("missing: not a model folder (config.json not found)");
      return c;
    }
    c.engine = std::make_unique<FakeEngine>(options);
    return c;
  };
}

} // namespace streetlens::test

// The Sun & shadow tool (issue 22), offscreen: the moment from the photo's EXIF (with its offset)
// or asked for, a zone-less time refused, the band emitted and joined to the evidence constraint,
// and the object and its shadow drawn on the photo as two segments giving the shadow ratio.
#include "core/geo/SunBand.h"
#include "tests/support/ExifWriter.h"
#include "ui/EvidencePanel.h"
#include "ui/ShadowMeasureCanvas.h"
#include "ui/SunShadowPanel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <cmath>

using namespace streetlens;
using namespace streetlens::ui;

class TestSunShadow : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  QString photo(const QString &name, const QString &taken, const QString &offset) {
    const QString path = tmp_.filePath(name);
    QImage img(400, 300, QImage::Format_RGB32);
    img.fill(QColor(120, 160, 200));
    img.save(path, "JPEG");
    if (!taken.isEmpty())
      test::writeExifTime(path, taken, offset);
    return path;
  }

private Q_SLOTS:
  void timeFromPhoto_data() {
    QTest::addColumn<QString>("taken");
    QTest::addColumn<QString>("offset");
    QTest::addColumn<QString>("timeText");
    QTest::addColumn<QString>("sourcePart");
    QTest::newRow("with offset") << "2024:06:21 11:30:00"
                                 << "+02:00"
                                 << "2024-06-21T11:30:00+02:00"
                                 << "OffsetTimeOriginal";
    QTest::newRow("negative offset") << "2023:12:21 14:00:00"
                                     << "-05:00"
                                     << "2023-12-21T14:00:00-05:00"
                                     << "OffsetTimeOriginal";
    QTest::newRow("no offset: asked") << "2024:06:21 11:30:00"
                                      << ""
                                      << ""
                                      << "not its time zone";
    QTest::newRow("no time: asked") << ""
                                    << ""
                                    << ""
                                    << "no capture time";
  }
  void timeFromPhoto() {
    QFETCH(QString, taken);
    QFETCH(QString, offset);
    QFETCH(QString, timeText);
    QFETCH(QString, sourcePart);
    SunShadowPanel panel;
    panel.setPhoto(photo(QStringLiteral("%1.jpg").arg(QTest::currentDataTag()), taken, offset), {});
    QCOMPARE(panel.timeText(), timeText);
    QVERIFY2(panel.timeSourceText().contains(sourcePart), qPrintable(panel.timeSourceText()));
    QSignalSpy bands(&panel, &SunShadowPanel::bandsChanged);
    panel.setShadowRatio(1.0);
    QCOMPARE(panel.apply(), !timeText.isEmpty());
    QCOMPARE(bands.size(), timeText.isEmpty() ? 0 : 1);
    if (timeText.isEmpty()) {
      QVERIFY2(panel.errorText().contains("time zone"), qPrintable(panel.errorText()));
      return;
    }
    QVERIFY(panel.band()->observation().timeSource.contains(sourcePart));
  }

  void zonelessTimeRefused() {
    SunShadowPanel panel;
    panel.setTimeText(QStringLiteral("2024-06-21 11:30"));
    QVERIFY(!panel.apply());
    QVERIFY2(panel.errorText().contains("no time zone"), qPrintable(panel.errorText()));
    QVERIFY(!panel.band());
  }

  void bandJoinsTheConstraint_data() {
    QTest::addColumn<bool>("byRatio");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("elevation");
    QTest::newRow("ratio sqrt3: 30 deg") << true << std::sqrt(3.0) << 30.0;
    QTest::newRow("elevation 52") << false << 52.0 << 52.0;
  }
  void bandJoinsTheConstraint() {
    QFETCH(bool, byRatio);
    QFETCH(double, value);
    QFETCH(double, elevation);
    SunShadowPanel panel;
    EvidencePanel evidence(nullptr);
    connect(&panel, &SunShadowPanel::bandsChanged, &evidence, &EvidencePanel::setSunBands);
    QSignalSpy changed(&evidence, &EvidencePanel::constraintChanged);
    panel.setTimeText(QStringLiteral("2024-06-21T09:30:00Z"));
    if (byRatio)
      panel.setShadowRatio(value);
    else
      panel.setElevation(value);
    panel.setTolerance(1.5);
    QVERIFY2(panel.apply(), qPrintable(panel.errorText()));
    QCOMPARE(changed.size(), 1);
    const GeoConstraint &c = evidence.constraint();
    QCOMPARE(c.sunBands.size(), 1);
    const geo::SunObservation &o = c.sunBands.front().observation();
    QVERIFY(std::fabs(o.elevationDeg - elevation) < 1e-3); // the spin box keeps 3 decimals
    QCOMPARE(o.toleranceDeg, 1.5);
    QCOMPARE(o.time.toUTC(), QDateTime(QDate(2024, 6, 21), QTime(9, 30), QTimeZone::utc()));
    QCOMPARE(o.timeSource, QStringLiteral("entered by the analyst"));
    for (double lat = -80; lat <= 80; lat += 10)
      for (double lon = -170; lon <= 170; lon += 10)
        QCOMPARE(c.allowsPoint({lat, lon}), c.sunBands.front().contains({lat, lon}));
    QVERIFY(c.describe().contains(QStringLiteral("entered by the analyst")));
    panel.removeBand();
    QCOMPARE(changed.size(), 2);
    QVERIFY(evidence.constraint().sunBands.isEmpty());
  }

  // Two drags on the photo: the object 100 px tall, its shadow 150 px long: ratio 1.5; OK puts it in
  // the panel.
  void measureOnPhoto() {
    SunShadowPanel panel;
    QImage img(400, 300, QImage::Format_RGB32);
    img.fill(Qt::gray);
    const QString path = tmp_.filePath(QStringLiteral("measure.jpg"));
    img.save(path, "JPEG");
    panel.setPhoto(path, img);
    auto *dlg = qobject_cast<QDialog *>(panel.openMeasureDialog());
    QVERIFY(dlg);
    ShadowMeasureCanvas *canvas = panel.measureCanvas();
    QVERIFY(canvas);
    canvas->resize(800, 600); // scale 2
    auto drag = [&](QPointF from, QPointF to) {
      QTest::mousePress(canvas, Qt::LeftButton, {}, canvas->toWidget(from).toPoint());
      QTest::mouseMove(canvas, canvas->toWidget((from + to) / 2).toPoint());
      QTest::mouseRelease(canvas, Qt::LeftButton, {}, canvas->toWidget(to).toPoint());
    };
    drag({200, 250}, {200, 150}); // the object, foot to top
    QVERIFY(!canvas->ratio());
    drag({200, 250}, {320, 160}); // the shadow, 150 px (a 90-120-150 triangle)
    QVERIFY(canvas->ratio());
    const double expected = std::hypot(120.0, 90.0) / 100.0;
    QVERIFY2(std::fabs(*canvas->ratio() - expected) < 0.02, qPrintable(QString::number(*canvas->ratio())));
    auto *ok = dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    panel.setTimeText(QStringLiteral("2024-06-21T11:30:00+02:00"));
    QVERIFY(panel.apply());
    QVERIFY(std::fabs(*panel.band()->observation().shadowRatio - expected) < 0.02);
  }
};

QTEST_MAIN(TestSunShadow)
#include "tst_sunshadow.moc"

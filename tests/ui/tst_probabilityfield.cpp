// ProbabilityField: grid layout, kernels, mass accounting over the hierarchy, country spreads,
// averaging of several images — small hand-checked golden grids.
#include "MapTestData.h"
#include "core/analysis/ProbabilityField.h"

#include <QTest>

using namespace streetlens;
using streetlens::test::testPlace;

using Grid = QList<QList<double>>;
Q_DECLARE_METATYPE(Grid)
Q_DECLARE_METATYPE(std::vector<streetlens::ImageResult>)

class TestProbabilityField : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void zeros_data();
  void zeros();
  void singleCityAtEquatorIsSymmetric();
  void kernelMassIsExact_data();
  void kernelMassIsExact();
  void goldenGrid_data();
  void goldenGrid();
  void countrySpreadStaysInside();
  void sampleDensityAtCellCentre();
  void failedResultIsEmpty();
  void citySigmaScalesWithPopulation();
};

void TestProbabilityField::zeros_data() {
  QTest::addColumn<double>("cellDeg");
  QTest::addColumn<int>("rows");
  QTest::newRow("one-degree") << 1.0 << 180;
  QTest::newRow("half-degree") << 0.5 << 360;
  QTest::newRow("quarter-degree") << 0.25 << 720;
  QTest::newRow("ninety-degrees") << 90.0 << 2;
  QTest::newRow("does-not-divide-180") << 0.7 << 0;
  QTest::newRow("zero") << 0.0 << 0;
  QTest::newRow("negative") << -1.0 << 0;
}

void TestProbabilityField::zeros() {
  QFETCH(double, cellDeg);
  QFETCH(int, rows);
  const ProbabilityField f = ProbabilityField::zeros(cellDeg);
  QCOMPARE(f.rows(), rows);
  QCOMPARE(f.cols(), 2 * rows);
  QCOMPARE(f.isEmpty(), rows == 0);
  if (rows > 0) {
    // Cell areas add up to the sphere.
    double area = 0;
    for (int r = 0; r < f.rows(); ++r)
      area += f.cellAreaKm2(r) * f.cols();
    QVERIFY(std::abs(area / (4 * geo::kPi * geo::kEarthRadiusKm * geo::kEarthRadiusKm) - 1.0) < 1e-9);
  }
}

void TestProbabilityField::singleCityAtEquatorIsSymmetric() {
  ImageResult r;
  r.status = ImageStatus::Done;
  r.cities = {testPlace("1", "Equator town", "", 1.0, geo::GeoPoint{0.0, 0.5})};
  ProbabilityField::Options opt;
  opt.cellDeg = 1.0;
  const ProbabilityField f = ProbabilityField::fromResult(r, nullptr, opt);
  QVERIFY(std::abs(f.total() - 1.0) < 1e-12);
  // The town sits on the equator at the middle of column 180: rows 89 and 90 share the peak.
  const int c = 180;
  QCOMPARE(f.cellAt({0.0, 0.5}), std::make_pair(90, 180));
  double peak = 0;
  for (double m : f.masses())
    peak = std::max(peak, m);
  QCOMPARE(f.mass(89, c), peak);
  QVERIFY(std::abs(f.mass(90, c) - peak) < 1e-15);
  for (int k = 0; k < 4; ++k) {
    for (int d = 1; d < 4; ++d) {
      QVERIFY(std::abs(f.mass(89 - k, c - d) - f.mass(89 - k, c + d)) < 1e-15); // east-west
      QVERIFY(std::abs(f.mass(89 - k, c + d) - f.mass(90 + k, c + d)) < 1e-15); // north-south
    }
  }
  QVERIFY(f.mass(89, c + 1) < peak);
  QVERIFY(f.mass(80, c) < 1e-6); // ~1000 km away from a ~43 km kernel
}

void TestProbabilityField::kernelMassIsExact_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("sigma");
  QTest::newRow("mid-latitude") << 48.0 << 11.0 << 150.0;
  QTest::newRow("across-date-line") << -17.0 << 179.8 << 300.0;
  QTest::newRow("near-pole") << 88.0 << 0.0 << 400.0;
  QTest::newRow("narrower-than-cell") << 10.2 << 20.2 << 1.0;
}

void TestProbabilityField::kernelMassIsExact() {
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(double, sigma);
  ProbabilityField f = ProbabilityField::zeros(0.5);
  f.addKernel({{lat, lon}, sigma, 0.25});
  QVERIFY(std::abs(f.total() - 0.25) < 1e-12);
  const auto [r, c] = f.cellAt({lat, lon});
  // The kernel's own cell is (one of) its densest.
  QVERIFY(f.density(r, c) >= f.maxDensity() * 0.8);
  if (lon > 179.0) // mass on both sides of the antimeridian
    QVERIFY(f.mass(r, 0) > 0.0 && f.mass(r, f.cols() - 1) > 0.0);
}

void TestProbabilityField::goldenGrid_data() {
  QTest::addColumn<std::vector<ImageResult>>("results");
  QTest::addColumn<Grid>("expected"); // 2 x 4 cells of 90 degrees: row 0 north, column 0 from -180
  auto one = [](std::vector<PlaceProbability> cities, std::vector<PlaceProbability> regions = {},
                std::vector<PlaceProbability> countries = {}) {
    ImageResult r;
    r.status = ImageStatus::Done;
    r.cities = std::move(cities);
    r.regions = std::move(regions);
    r.countries = std::move(countries);
    return r;
  };
  const geo::GeoPoint ne{45, 45}, sw{-45, -135}, nw{45, -135};
  QTest::newRow("one-city") << std::vector<ImageResult>{one({testPlace("1", "A", "AA", 0.3, ne)})}
                            << Grid{{0, 0, 1, 0}, {0, 0, 0, 0}};
  QTest::newRow("two-images-average") << std::vector<ImageResult>{one({testPlace("1", "A", "AA", 0.3, ne)}),
                                                                  one({testPlace("2", "B", "BB", 0.9, sw)})}
                                      << Grid{{0, 0, 0.5, 0}, {0.5, 0, 0, 0}};
  // Region 0.5 of which its city explains 0.3: 0.2 stays on the region, 0.3 on the city.
  QTest::newRow("region-residual") << std::vector<ImageResult>{one(
                                          {testPlace("1", "A", "AA", 0.3, sw, "AA.1")},
                                          {testPlace("AA.1", "R", "AA", 0.5, ne)})}
                                   << Grid{{0, 0, 0.4, 0}, {0.6, 0, 0, 0}};
  // Country 1.0 with a city of 0.25 elsewhere: 0.75 stays on the country's point.
  QTest::newRow("country-residual") << std::vector<ImageResult>{one(
                                           {testPlace("1", "A", "AA", 0.25, ne)}, {},
                                           {testPlace("AA", "Aland", "AA", 1.0, nw)})}
                                    << Grid{{0.75, 0, 0.25, 0}, {0, 0, 0, 0}};
  // Cities that explain more than their country: nothing left for the country.
  QTest::newRow("country-fully-explained")
      << std::vector<ImageResult>{one({testPlace("1", "A", "AA", 0.6, ne)}, {},
                                      {testPlace("AA", "Aland", "AA", 0.5, nw)})}
      << Grid{{0, 0, 1, 0}, {0, 0, 0, 0}};
  QTest::newRow("failed-image-ignored") << [&] {
    std::vector<ImageResult> v{one({testPlace("1", "A", "AA", 0.3, ne)}),
                               one({testPlace("2", "B", "BB", 0.9, sw)})};
    v[1].status = ImageStatus::Failed;
    return v;
  }() << Grid{{0, 0, 1, 0}, {0, 0, 0, 0}};
}

void TestProbabilityField::goldenGrid() {
  QFETCH(std::vector<ImageResult>, results);
  QFETCH(Grid, expected);
  ProbabilityField::Options opt;
  opt.cellDeg = 90.0;
  const ProbabilityField f = ProbabilityField::fromResults(results, nullptr, opt);
  QCOMPARE(f.rows(), 2);
  QCOMPARE(f.cols(), 4);
  for (int r = 0; r < 2; ++r) {
    for (int c = 0; c < 4; ++c)
      QVERIFY2(std::abs(f.mass(r, c) - expected[r][c]) < 1e-9,
               qPrintable(QStringLiteral("cell %1,%2 = %3, expected %4")
                              .arg(r)
                              .arg(c)
                              .arg(f.mass(r, c))
                              .arg(expected[r][c])));
  }
}

void TestProbabilityField::countrySpreadStaysInside() {
  const auto gaz = test::mapGazetteer();
  QVERIFY(gaz);
  ImageResult r;
  r.status = ImageStatus::Done;
  r.countries = {testPlace("FR", "France", "FR", 0.9), testPlace("VA", "Vatican", "VA", 0.1)};
  const ProbabilityField f = ProbabilityField::fromResult(r, gaz.get(), {});
  QVERIFY(std::abs(f.total() - 1.0) < 1e-9);
  const auto paris = f.cellAt({48.85, 2.35});
  const auto madrid = f.cellAt({40.42, -3.70});
  const auto rome = f.cellAt({41.90, 12.45});
  QVERIFY(f.mass(paris.first, paris.second) > 0.0);
  QCOMPARE(f.mass(madrid.first, madrid.second), 0.0);
  QVERIFY(f.mass(rome.first, rome.second) > 0.0); // the micro-state's kernel
  // France's part: the mass inside its cells equals 0.9 (Vatican's kernel is far enough away).
  double inFrance = 0.0;
  const auto *fr = gaz->country("FR");
  for (int row = 0; row < f.rows(); ++row) {
    for (int c = 0; c < f.cols(); ++c) {
      if (f.mass(row, c) > 0.0 && fr->borders.contains(f.cellCenter(row, c)))
        inFrance += f.mass(row, c);
    }
  }
  QVERIFY2(std::abs(inFrance - 0.9) < 0.02, qPrintable(QString::number(inFrance)));
}

void TestProbabilityField::sampleDensityAtCellCentre() {
  ProbabilityField f = ProbabilityField::zeros(1.0);
  f.addKernel({{30.3, 60.7}, 200.0, 1.0});
  const auto [r, c] = f.cellAt({30.3, 60.7});
  QVERIFY(std::abs(f.sampleDensity(f.cellCenter(r, c)) - f.density(r, c)) < 1e-12);
  QCOMPARE(ProbabilityField().sampleDensity({0, 0}), 0.0);
}

void TestProbabilityField::failedResultIsEmpty() {
  ImageResult r = test::annecyResult();
  r.status = ImageStatus::Failed;
  const ProbabilityField f = ProbabilityField::fromResult(r, nullptr, {});
  QCOMPARE(f.total(), 0.0);
  QCOMPARE(f.maxDensity(), 0.0);
}

void TestProbabilityField::citySigmaScalesWithPopulation() {
  const ProbabilityField::Options opt;
  QCOMPARE(ProbabilityField::citySigmaKm(1000, opt), 25.0);
  QCOMPARE(ProbabilityField::citySigmaKm(1'000'000, opt), 40.0);
  QCOMPARE(ProbabilityField::citySigmaKm(40'000'000, opt), 75.0);
}

QTEST_GUILESS_MAIN(TestProbabilityField)
#include "tst_probabilityfield.moc"

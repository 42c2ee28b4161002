// The CUDA "auto" batch size: activation bytes of one ViT-L/14-336 image worked out by hand, and
// the batch chosen for a range of free-memory amounts, dtypes and caps.
#include "core/model/BatchSizing.h"

#include <QtTest>

using namespace streetlens;

class TestBatchSizing : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void activationBytesOfStreetClip() {
    const ClipVisionConfig v = streetClipConfig().vision;
    // 577 tokens x 1024 x 6 (residual, normed, q, k, v, attention out) = 3,545,088; the larger of
    // 2 x 16 x 577² (scores, probabilities) = 10,653,728 and 2 x 577 x 4096 = 4,726,784.
    QCOMPARE(imageActivationBytes(v, 2), qint64(2) * (3'545'088 + 10'653'728));
    QCOMPARE(imageActivationBytes(v, 4), qint64(4) * (3'545'088 + 10'653'728));
  }

  void batchForFreeMemory_data() {
    QTest::addColumn<qint64>("freeBytes");
    QTest::addColumn<int>("bytesPerElement");
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("expected");
    const qint64 GiB = qint64(1) << 30;
    QTest::newRow("H100, fp16: capped") << 70 * GiB << 2 << 64 << 64;
    QTest::newRow("2 GiB, fp16") << 2 * GiB << 2 << 64 << 45; // 1,288,490,184 / 28,397,632
    QTest::newRow("2 GiB, fp32") << 2 * GiB << 4 << 64 << 22;
    QTest::newRow("8 GiB, fp16, cap 128: 181 fit") << 8 * GiB << 2 << 128 << 128;
    QTest::newRow("8 GiB, fp16, cap 512") << 8 * GiB << 2 << 512 << 181;
    QTest::newRow("almost nothing free") << qint64(1) << 2 << 64 << 1;
    QTest::newRow("nothing known") << qint64(-1) << 2 << 64 << 1;
    QTest::newRow("cap below 1") << 70 * GiB << 2 << 0 << 1;
  }
  void batchForFreeMemory() {
    QFETCH(qint64, freeBytes);
    QFETCH(int, bytesPerElement);
    QFETCH(int, cap);
    QFETCH(int, expected);
    QCOMPARE(batchSizeForMemory(freeBytes, streetClipConfig().vision, bytesPerElement, cap), expected);
  }
};

QTEST_GUILESS_MAIN(TestBatchSizing)
#include "tst_batchsizing.moc"

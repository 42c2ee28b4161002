#include "core/clip/DeviceSelection.h"

#include "core/clip/TorchEngine.h"

#include <QFile>
#include <QRegularExpression>

#ifdef STREETLENS_TORCH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#endif

namespace streetlens {

namespace {
QString cpuInfoField(const char *field) {
  QFile f(QStringLiteral("/proc/cpuinfo"));
  if (!f.open(QIODevice::ReadOnly))
    return {};
  const QString text = QString::fromLatin1(f.read(1 << 16));
  const QRegularExpression re(QStringLiteral("^%1\\s*:\\s*(.*)$").arg(QLatin1String(field)),
                              QRegularExpression::MultilineOption);
  const auto m = re.match(text);
  return m.hasMatch() ? m.captured(1).trimmed() : QString();
}
} // namespace

bool cpuHasNativeBf16() {
  const QStringList flags = cpuInfoField("flags").split(QLatin1Char(' '), Qt::SkipEmptyParts);
  return flags.contains(QStringLiteral("avx512_bf16")) || flags.contains(QStringLiteral("amx_bf16"));
}

namespace clip {

std::optional<DeviceChoice> chooseDevice(const QString &deviceArg, const QString &precisionArg,
                                         QString *error) {
  auto fail = [&](const QString &m) -> std::optional<DeviceChoice> {
    if (error)
      *error = m;
    return std::nullopt;
  };
  const QString dev = deviceArg.trimmed().toLower();
  const QString prec = precisionArg.trimmed().toLower();
  DeviceChoice c;
  const bool cudaAvailable = torch::cuda::is_available();
  int cudaIndex = 0;
  if (dev == QLatin1String("auto") || dev.isEmpty()) {
    c.device = cudaAvailable ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  } else if (dev == QLatin1String("cpu")) {
    c.device = torch::kCPU;
  } else if (dev == QLatin1String("cuda") || dev.startsWith(QLatin1String("cuda:"))) {
    if (dev.startsWith(QLatin1String("cuda:"))) {
      bool ok = false;
      cudaIndex = dev.mid(5).toInt(&ok);
      if (!ok || cudaIndex < 0)
        return fail(QStringLiteral("device \"%1\": expected cuda or cuda:N").arg(deviceArg));
    }
    if (!cudaAvailable)
      return fail(
          QStringLiteral("device \"%1\": no CUDA GPU is available (this LibTorch build %2); use --device cpu")
              .arg(deviceArg, torch::cuda::device_count() == 0
                                  ? QStringLiteral("sees no CUDA device or has no CUDA support")
                                  : QStringLiteral("cannot use the GPU")));
    if (cudaIndex >= int(torch::cuda::device_count()))
      return fail(QStringLiteral("device \"%1\": only %2 CUDA device(s)")
                      .arg(deviceArg)
                      .arg(torch::cuda::device_count()));
    c.device = torch::Device(torch::kCUDA, cudaIndex);
  } else {
    return fail(QStringLiteral("device \"%1\" is not one of auto, cpu, cuda, cuda:N").arg(deviceArg));
  }

  const bool onCuda = c.device.is_cuda();
  if (prec == QLatin1String("auto") || prec.isEmpty())
    c.dtype = onCuda ? torch::kHalf : (cpuHasNativeBf16() ? torch::kBFloat16 : torch::kFloat);
  else if (prec == QLatin1String("fp32") || prec == QLatin1String("float32"))
    c.dtype = torch::kFloat;
  else if (prec == QLatin1String("bf16") || prec == QLatin1String("bfloat16"))
    c.dtype = torch::kBFloat16;
  else if (prec == QLatin1String("fp16") || prec == QLatin1String("float16")) {
    if (!onCuda)
      return fail(QStringLiteral("precision fp16 needs a CUDA device; on the CPU use bf16 or fp32"));
    c.dtype = torch::kHalf;
  } else
    return fail(QStringLiteral("precision \"%1\" is not one of auto, fp32, bf16, fp16").arg(precisionArg));

  c.precisionText = c.dtype == torch::kFloat      ? QStringLiteral("fp32")
                    : c.dtype == torch::kBFloat16 ? QStringLiteral("bf16")
                                                  : QStringLiteral("fp16");
  if (onCuda) {
    c.deviceText = QStringLiteral("cuda:%1").arg(c.device.index());
#ifdef STREETLENS_TORCH_CUDA
    c.deviceName = QString::fromUtf8(at::cuda::getDeviceProperties(c.device.index())->name);
#else
    c.deviceName = QStringLiteral("CUDA device %1").arg(c.device.index());
#endif
  } else {
    c.deviceText = QStringLiteral("cpu");
    c.deviceName = cpuInfoField("model name");
  }
  return c;
}

qint64 freeDeviceMemory(const torch::Device &device) {
#ifdef STREETLENS_TORCH_CUDA
  if (device.is_cuda()) {
    c10::cuda::CUDAGuard guard(device.index());
    size_t freeBytes = 0, totalBytes = 0;
    if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess)
      return qint64(freeBytes);
  }
#else
  Q_UNUSED(device);
#endif
  return -1;
}

} // namespace clip
} // namespace streetlens

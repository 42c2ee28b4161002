#include "core/clip/DeviceSelection.h"

#include "core/clip/DenseOps.h"
#include "core/clip/TorchEngine.h"

#include <QFile>
#include <QRegularExpression>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

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

// The CPU's vector extensions as cpuid reports them to this process, in /proc/cpuinfo's names,
// and only where the OS saves the registers (XCR0). cpuid, not /proc/cpuinfo: under an emulator
// or a hypervisor that masks features, /proc/cpuinfo may describe the host instead.
QStringList cpuFlags() {
  QStringList flags;
#if defined(__x86_64__) || defined(__i386__)
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d))
    return flags;
  const bool fma = c & (1u << 12), osxsave = c & (1u << 27);
  unsigned long long xcr0 = 0;
  if (osxsave) {
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    xcr0 = (static_cast<unsigned long long>(hi) << 32) | lo;
  }
  const bool osAvx = (xcr0 & 0x6) == 0x6, osAvx512 = osAvx && (xcr0 & 0xE0) == 0xE0,
             osAmx = (xcr0 & 0x60000) == 0x60000;
  if (fma && osAvx)
    flags << QStringLiteral("fma");
  unsigned a7 = 0, b7 = 0, c7 = 0, d7 = 0;
  if (__get_cpuid_count(7, 0, &a7, &b7, &c7, &d7)) {
    if (osAvx && (b7 & (1u << 5)))
      flags << QStringLiteral("avx2");
    if (osAvx512 && (b7 & (1u << 16)))
      flags << QStringLiteral("avx512f");
    if (osAvx512 && (c7 & (1u << 11)))
      flags << QStringLiteral("avx512_vnni");
    if (osAmx && (d7 & (1u << 22)))
      flags << QStringLiteral("amx_bf16");
    unsigned a71 = 0, b71 = 0, c71 = 0, d71 = 0;
    if (a7 >= 1 && __get_cpuid_count(7, 1, &a71, &b71, &c71, &d71) && osAvx512 && (a71 & (1u << 5)))
      flags << QStringLiteral("avx512_bf16");
  }
#endif
  return flags;
}

// oneDNN's ISA cap (ONEDNN_MAX_CPU_ISA, formerly DNNL_MAX_CPU_ISA): bf16 products are native only
// from AVX512_CORE_BF16 (and the AMX levels above it) or with no cap ("ALL").
QString oneDnnIsaCap() {
  for (const char *name : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
    const QString v = qEnvironmentVariable(name).trimmed().toUpper();
    if (!v.isEmpty())
      return v;
  }
  return {};
}
bool capAllowsBf16(const QString &cap) {
  return cap.isEmpty() || cap == QLatin1String("ALL") || cap.contains(QLatin1String("BF16")) ||
         cap.contains(QLatin1String("AMX")) || cap.contains(QLatin1String("FP16")) ||
         cap.startsWith(QLatin1String("AVX10"));
}
} // namespace

bool cpuHasNativeBf16() {
  return clip::cpuBf16Usable();
}

namespace clip {

bool cpuBf16Usable(QString *why) {
  auto answer = [&](bool usable, const QString &reason) {
    if (why)
      *why = reason;
    return usable;
  };
  const QString force = qEnvironmentVariable("STREETLENS_CPU_BF16").trimmed().toLower();
  if (force == QLatin1String("off"))
    return answer(false, QStringLiteral("STREETLENS_CPU_BF16=off"));
  if (force == QLatin1String("native"))
    return answer(true, QStringLiteral("STREETLENS_CPU_BF16=native (forced)"));
  const QStringList flags = cpuFlags();
  const bool amx = flags.contains(QStringLiteral("amx_bf16"));
  const bool avx512bf16 = flags.contains(QStringLiteral("avx512_bf16"));
  if (!amx && !avx512bf16)
    return answer(false, QStringLiteral("this CPU has no native bf16 (neither avx512_bf16 nor amx_bf16)"));
  const QString cap = oneDnnIsaCap();
  if (!capAllowsBf16(cap))
    return answer(false,
                  QStringLiteral("ONEDNN_MAX_CPU_ISA=%1 keeps oneDNN below its bf16 kernels").arg(cap));
  if (!bf16LinearUsesOneDnn())
    return answer(false, QStringLiteral("this LibTorch's oneDNN cannot run bf16 products on this CPU"));
  return answer(true, amx ? QStringLiteral("AMX-BF16") : QStringLiteral("AVX512-BF16"));
}

QString cpuIsaSummary() {
  const QStringList flags = cpuFlags();
  QStringList have;
  const std::pair<const char *, const char *> known[] = {{"avx2", "AVX2"},
                                                         {"fma", "FMA"},
                                                         {"avx512f", "AVX-512"},
                                                         {"avx512_vnni", "AVX512-VNNI"},
                                                         {"avx512_bf16", "AVX512-BF16"},
                                                         {"amx_bf16", "AMX-BF16"}};
  for (const auto &[flag, name] : known)
    if (flags.contains(QLatin1String(flag)))
      have << QLatin1String(name);
  if (have.isEmpty())
    have << QStringLiteral("no AVX2");
  const QString cap = oneDnnIsaCap();
  if (!cap.isEmpty())
    have << QStringLiteral("(oneDNN capped at %1)").arg(cap);
  return have.join(QLatin1Char(' '));
}

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
  QString bf16Why;
  const bool cpuBf16 = !onCuda && cpuBf16Usable(&bf16Why);
  if (prec == QLatin1String("auto") || prec.isEmpty())
    c.dtype = onCuda ? torch::kHalf : (cpuBf16 ? torch::kBFloat16 : torch::kFloat);
  else if (prec == QLatin1String("fp32") || prec == QLatin1String("float32"))
    c.dtype = torch::kFloat;
  else if (prec == QLatin1String("bf16") || prec == QLatin1String("bfloat16")) {
    // Without native bf16, LibTorch emulates it: >75x slower than fp32 and 3-6x further from the
    // model than native bf16 (docs/PERFORMANCE.md, "bf16 without native bf16"). fp32 instead.
    c.dtype = onCuda || cpuBf16 ? torch::kBFloat16 : torch::kFloat;
    if (!onCuda && !cpuBf16)
      c.notice = QStringLiteral("bf16 asked for, but %1: running fp32 (exact, and faster here than "
                                "emulated bf16)")
                     .arg(bf16Why);
  } else if (prec == QLatin1String("fp16") || prec == QLatin1String("float16")) {
    if (!onCuda)
      return fail(QStringLiteral("precision fp16 needs a CUDA device; on the CPU use bf16 or fp32"));
    c.dtype = torch::kHalf;
  } else
    return fail(QStringLiteral("precision \"%1\" is not one of auto, fp32, bf16, fp16").arg(precisionArg));

  c.precisionText = c.dtype == torch::kFloat      ? QStringLiteral("fp32")
                    : c.dtype == torch::kBFloat16 ? QStringLiteral("bf16")
                                                  : QStringLiteral("fp16");
  c.route = routeText(c.device, c.dtype);
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

QString routeText(const torch::Device &device, torch::ScalarType dtype) {
  if (device.is_cuda())
    return dtype == torch::kFloat
               ? QStringLiteral("fp32 (cuBLAS)")
               : QStringLiteral("%1 mixed: %1 products with fp32 accumulation (cuBLAS), fp32 "
                                "residual stream, norms, softmax and projections")
                     .arg(dtype == torch::kHalf ? QStringLiteral("fp16") : QStringLiteral("bf16"));
  if (dtype == torch::kFloat)
    return QStringLiteral("fp32 (%1)")
        .arg(fp32LinearUsesOneDnn() ? QStringLiteral("oneDNN") : QStringLiteral("BLAS"));
  QString why;
  const bool native = cpuBf16Usable(&why);
  return QStringLiteral("bf16 mixed: bf16 products with fp32 accumulation (%1), fp32 residual stream, norms, "
                        "softmax and projections")
      .arg(native && bf16LinearUsesOneDnn() ? QStringLiteral("oneDNN, %1").arg(why)
                                            : QStringLiteral("emulated by LibTorch"));
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

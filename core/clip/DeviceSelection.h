#pragma once
// Resolves the user's device/precision choice (auto|cpu|cuda[:N], auto|fp32|bf16|fp16) against
// what this LibTorch build and machine offer. Any thread.
#include <QString>
#include <optional>
#include <torch/torch.h>

namespace streetlens::clip {

struct DeviceChoice {
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;
  QString deviceText;    // "cpu", "cuda:0"
  QString deviceName;    // GPU name or CPU model name
  QString precisionText; // fp32 / bf16 / fp16 (what runs, not what was asked for)
  QString route;         // how it runs, for --version/info and benchmarks (see routeText())
  QString notice;        // why the request was changed (bf16 asked for on a CPU without it), or empty
};

// Whether this CPU runs bf16 products natively (cpuid: avx512_bf16 or amx_bf16, with the OS
// saving the registers), and whether that is usable: oneDNN not capped below it by
// ONEDNN_MAX_CPU_ISA / DNNL_MAX_CPU_ISA, its bf16 inner product working (probed once), and not
// switched off with STREETLENS_CPU_BF16=off (STREETLENS_CPU_BF16=native forces the emulated
// route on other CPUs, for measurements only). *why says which of these decided.
bool cpuBf16Usable(QString *why = nullptr);

// The CPU's vector extensions as one line: "AVX2 AVX-512 AVX512-BF16 AMX-BF16" (what is present).
QString cpuIsaSummary();

// Errors: an unknown word, CUDA asked for but not available (names why), fp16 on the CPU.
std::optional<DeviceChoice> chooseDevice(const QString &device, const QString &precision, QString *error);

// The route a device and compute dtype take, in words ("bf16 mixed: bf16 products ... (oneDNN,
// AMX-BF16) ...").
QString routeText(const torch::Device &device, torch::ScalarType dtype);

// Bytes free on a CUDA device right now (cudaMemGetInfo); -1 for the CPU or when unknown.
qint64 freeDeviceMemory(const torch::Device &device);

} // namespace streetlens::clip

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
  QString precisionText; // fp32 / bf16 / fp16
};

// Errors: an unknown word, CUDA asked for but not available (names why), fp16 on the CPU.
std::optional<DeviceChoice> chooseDevice(const QString &device, const QString &precision, QString *error);

// Bytes free on a CUDA device right now (cudaMemGetInfo); -1 for the CPU or when unknown.
qint64 freeDeviceMemory(const torch::Device &device);

} // namespace streetlens::clip

# LibTorch as the interface target streetlens_torch: Debian's 1.13/2.6 CPU build, or an official
# LibTorch 2.x / a PyTorch wheel's (CPU or CUDA) given through CMAKE_PREFIX_PATH.
find_package(Torch REQUIRED)
add_library(streetlens_torch INTERFACE)
target_include_directories(streetlens_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
target_link_libraries(streetlens_torch INTERFACE ${TORCH_LIBRARIES})
# Torch's CMake config puts its flags in TORCH_CXX_FLAGS (ABI macro); apply them to torch users only.
separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(streetlens_torch INTERFACE ${_torch_flags})
# LibTorch's at::parallel_for is a header template that fans out with "#pragma omp parallel" when
# LibTorch was built with OpenMP (Debian's 1.13 and 2.6 are): compiled without -fopenmp, our own
# parallel_for calls (per-head attention, the bf16 kernels) silently run on one thread. Same runtime
# as LibTorch's (libgomp), so they share its thread pool.
find_package(OpenMP COMPONENTS CXX)
if(OpenMP_CXX_FOUND)
  target_link_libraries(streetlens_torch INTERFACE OpenMP::OpenMP_CXX)
else()
  message(WARNING "OpenMP not found: the engine's own parallel loops will run on one thread")
endif()

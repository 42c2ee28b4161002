# STREETLENS_ENGINE_ONLY: the build of the GPU kit (tools/gpu/run-on-device.sh). Only what turns
# pixels and texts into CLIP embeddings — core/text, core/weights, core/model, the CLIP
# preprocessing of core/imageio, zero-shot logits, core/clip — with its tests and engine_bench,
# on LibTorch and Qt Core (+ Qt Test) alone: no OpenCV, exiv2, Qt Gui/Sql/Network/Concurrent, so
# that Debian 12's Qt Core, unpacked into a prefix, is all a machine with only a PyTorch wheel needs.
# streetlens_core keeps its name here (a subset of the full library) so that core/clip, the tests
# and the benchmarks link against it unchanged; STREETLENS_ENGINE_ONLY=1 tells code which it is.
set(STREETLENS_WITH_GUI OFF)
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Test)
qt_standard_project_setup()
include(StreetLensTorch)

add_library(streetlens_core STATIC)
target_include_directories(streetlens_core PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(streetlens_core PUBLIC Qt6::Core)
target_compile_definitions(streetlens_core PUBLIC QT_NO_KEYWORDS STREETLENS_VERSION="${PROJECT_VERSION}"
  STREETLENS_ENGINE_ONLY=1)
set_target_properties(streetlens_core PROPERTIES POSITION_INDEPENDENT_CODE ON)
streetlens_warnings(streetlens_core)
foreach(area text weights model)
  include(${CMAKE_SOURCE_DIR}/core/${area}/sources.cmake)
endforeach()
set(_core ${CMAKE_SOURCE_DIR}/core)
target_sources(streetlens_core PRIVATE
  ${_core}/imageio/RgbImage.h
  ${_core}/imageio/PillowResize.h ${_core}/imageio/PillowResize.cpp
  ${_core}/imageio/ClipImageProcessor.h ${_core}/imageio/ClipImageProcessor.cpp
  ${_core}/analysis/EmbeddingEngine.h ${_core}/analysis/EmbeddingEngine.cpp ${_core}/analysis/EngineOptions.h
  ${_core}/analysis/Explanation.h ${_core}/analysis/Explanation.cpp
  ${_core}/analysis/Occlusion.h ${_core}/analysis/Occlusion.cpp
  ${_core}/analysis/ZeroShot.h ${_core}/analysis/ZeroShot.cpp)

add_subdirectory(core/clip)
if(STREETLENS_TESTS)
  enable_testing()
  add_subdirectory(tests) # the engine's suites only (tests/CMakeLists.txt)
endif()
if(STREETLENS_BENCH)
  add_subdirectory(bench) # engine_bench, precision_probe
endif()

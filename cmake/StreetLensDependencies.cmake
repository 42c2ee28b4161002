# Finds Qt 6, OpenCV (core/imgproc/imgcodecs only: highgui would drag Qt 5 in), exiv2 and,
# when the engine is on, LibTorch (Debian's 1.13 CPU build or an official 2.x via CMAKE_PREFIX_PATH).
set(_qt_components Core Gui Sql Concurrent Network)
if(STREETLENS_WITH_GUI)
  list(APPEND _qt_components Widgets Svg PrintSupport)
endif()
if(STREETLENS_TESTS)
  list(APPEND _qt_components Test)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${_qt_components} LinguistTools)
qt_standard_project_setup()

# Debian ships OpenCV's CMake config only in libopencv-dev (which drags in every module), so the
# three modules we use are found directly; an OpenCVConfig.cmake is used when one exists.
add_library(streetlens_opencv INTERFACE)
find_package(OpenCV QUIET COMPONENTS core imgproc imgcodecs)
if(OpenCV_FOUND)
  target_include_directories(streetlens_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
  target_link_libraries(streetlens_opencv INTERFACE opencv_core opencv_imgproc opencv_imgcodecs)
else()
  find_path(OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
  foreach(_m core imgproc imgcodecs)
    find_library(OPENCV_${_m}_LIBRARY opencv_${_m} REQUIRED)
    target_link_libraries(streetlens_opencv INTERFACE ${OPENCV_${_m}_LIBRARY})
  endforeach()
  target_include_directories(streetlens_opencv SYSTEM INTERFACE ${OPENCV_INCLUDE_DIR})
endif()

find_package(PkgConfig REQUIRED)
pkg_check_modules(EXIV2 REQUIRED IMPORTED_TARGET exiv2)

if(STREETLENS_WITH_ENGINE)
  include(StreetLensTorch)
endif()

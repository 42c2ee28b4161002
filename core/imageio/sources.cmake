# core/imageio: image ingest (magic-byte allow-list, header probe, decode, EXIF) and CLIP preprocessing.
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/RgbImage.h
  ${CMAKE_CURRENT_LIST_DIR}/ImageProbe.h ${CMAKE_CURRENT_LIST_DIR}/ImageProbe.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Exiv2Compat.h
  ${CMAKE_CURRENT_LIST_DIR}/ExifInfo.h ${CMAKE_CURRENT_LIST_DIR}/ExifInfo.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Orientation.h ${CMAKE_CURRENT_LIST_DIR}/Orientation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ImageDecode.h ${CMAKE_CURRENT_LIST_DIR}/ImageDecode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ImageLoader.h ${CMAKE_CURRENT_LIST_DIR}/ImageLoader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PillowResize.h ${CMAKE_CURRENT_LIST_DIR}/PillowResize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ClipImageProcessor.h ${CMAKE_CURRENT_LIST_DIR}/ClipImageProcessor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Thumbnail.h ${CMAKE_CURRENT_LIST_DIR}/Thumbnail.cpp)

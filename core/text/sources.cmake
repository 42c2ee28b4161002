target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ClipBpe.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ClipBpe.h
  ${CMAKE_CURRENT_LIST_DIR}/ClipPreTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ClipPreTokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/ClipTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ClipTokenizer.h)

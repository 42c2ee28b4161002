target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/BatchSizing.h ${CMAKE_CURRENT_LIST_DIR}/BatchSizing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ClipConfig.h ${CMAKE_CURRENT_LIST_DIR}/ClipConfig.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ModelFolder.h ${CMAKE_CURRENT_LIST_DIR}/ModelFolder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ModelHash.h ${CMAKE_CURRENT_LIST_DIR}/ModelHash.cpp)

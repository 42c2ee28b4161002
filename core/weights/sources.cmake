target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Safetensors.h
  ${CMAKE_CURRENT_LIST_DIR}/SafetensorsHeader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SafetensorsFile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ShardIndex.cpp)

target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/EmbeddingEngine.h
  ${CMAKE_CURRENT_LIST_DIR}/ZeroShot.h ${CMAKE_CURRENT_LIST_DIR}/ZeroShot.cpp)

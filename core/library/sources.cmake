# core/library: the case library (issue 21) — the .slidx embedding index and its exact search,
# near-duplicate groups, reference galleries (docs/LIBRARY.md).
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Half.h
  ${CMAKE_CURRENT_LIST_DIR}/SearchKernel.h ${CMAKE_CURRENT_LIST_DIR}/SearchKernel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EmbeddingIndex.h ${CMAKE_CURRENT_LIST_DIR}/EmbeddingIndex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Gallery.h ${CMAKE_CURRENT_LIST_DIR}/Gallery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LibraryRows.h ${CMAKE_CURRENT_LIST_DIR}/LibraryRows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/NearDuplicates.h ${CMAKE_CURRENT_LIST_DIR}/NearDuplicates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectSearch.h ${CMAKE_CURRENT_LIST_DIR}/ProjectSearch.cpp)
# The search's inner loops are plain C++ written to vectorise: built at -O3 in every build type
# (GCC's -O2 vectorises only loops without any cost check).
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/SearchKernel.cpp PROPERTIES COMPILE_OPTIONS "-O3")

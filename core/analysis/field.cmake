# The probability field (heatmap data) built from geolocation results.
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ProbabilityField.h ${CMAKE_CURRENT_LIST_DIR}/ProbabilityField.cpp)

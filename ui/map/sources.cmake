# The map view (issue 5): viewport, basemap, heatmap, markers, tiles, renderer, widget.
target_sources(streetlens_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/MapViewport.h ${CMAKE_CURRENT_LIST_DIR}/MapViewport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapStyle.h
  ${CMAKE_CURRENT_LIST_DIR}/ColorRamp.h ${CMAKE_CURRENT_LIST_DIR}/ColorRamp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BasemapData.h ${CMAKE_CURRENT_LIST_DIR}/BasemapData.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HeatmapRasterizer.h ${CMAKE_CURRENT_LIST_DIR}/HeatmapRasterizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapMarkers.h ${CMAKE_CURRENT_LIST_DIR}/MapMarkers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TileSource.h ${CMAKE_CURRENT_LIST_DIR}/TileSource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapScene.h
  ${CMAKE_CURRENT_LIST_DIR}/MapOverlay.h ${CMAKE_CURRENT_LIST_DIR}/MapOverlay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapRenderer.h ${CMAKE_CURRENT_LIST_DIR}/MapRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapRenderJob.h ${CMAKE_CURRENT_LIST_DIR}/MapRenderJob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapView.h ${CMAKE_CURRENT_LIST_DIR}/MapView.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapViewData.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportMap.h ${CMAKE_CURRENT_LIST_DIR}/ReportMap.cpp)

target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/EmbeddingEngine.h ${CMAKE_CURRENT_LIST_DIR}/EmbeddingEngine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Explanation.h ${CMAKE_CURRENT_LIST_DIR}/Explanation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Occlusion.h ${CMAKE_CURRENT_LIST_DIR}/Occlusion.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExplanationOverlay.h ${CMAKE_CURRENT_LIST_DIR}/ExplanationOverlay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PhotoExplanation.h ${CMAKE_CURRENT_LIST_DIR}/PhotoExplanation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GeoResult.h
  ${CMAKE_CURRENT_LIST_DIR}/GalleryJson.h ${CMAKE_CURRENT_LIST_DIR}/GalleryJson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Annotation.h ${CMAKE_CURRENT_LIST_DIR}/Annotation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AnalysisSettings.h ${CMAKE_CURRENT_LIST_DIR}/AnalysisSettings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LabelEmbeddingCache.h ${CMAKE_CURRENT_LIST_DIR}/LabelEmbeddingCache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EngineOptions.h
  ${CMAKE_CURRENT_LIST_DIR}/GeoAnalyzer.h ${CMAKE_CURRENT_LIST_DIR}/GeoAnalyzer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AnalysisSession.h ${CMAKE_CURRENT_LIST_DIR}/AnalysisSession.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Shard.h ${CMAKE_CURRENT_LIST_DIR}/Shard.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ZeroShot.h ${CMAKE_CURRENT_LIST_DIR}/ZeroShot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PlaceHierarchy.h ${CMAKE_CURRENT_LIST_DIR}/PlaceHierarchy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GeoConstraint.h ${CMAKE_CURRENT_LIST_DIR}/GeoConstraint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CellOutline.h ${CMAKE_CURRENT_LIST_DIR}/CellOutline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ConfidenceRegions.h ${CMAKE_CURRENT_LIST_DIR}/ConfidenceRegions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Posterior.h ${CMAKE_CURRENT_LIST_DIR}/Posterior.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteFusion.h ${CMAKE_CURRENT_LIST_DIR}/SiteFusion.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SceneTask.h ${CMAKE_CURRENT_LIST_DIR}/SceneTask.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SceneTaskLibrary.h ${CMAKE_CURRENT_LIST_DIR}/SceneTaskLibrary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SceneTaskScorer.h ${CMAKE_CURRENT_LIST_DIR}/SceneTaskScorer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LinearProbe.h ${CMAKE_CURRENT_LIST_DIR}/LinearProbe.cpp)
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/field.cmake)
  include(${CMAKE_CURRENT_LIST_DIR}/field.cmake)
endif()

target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/GeoPoint.cpp ${CMAKE_CURRENT_LIST_DIR}/GeoPoint.h
  ${CMAKE_CURRENT_LIST_DIR}/GreatCircle.cpp ${CMAKE_CURRENT_LIST_DIR}/GreatCircle.h
  ${CMAKE_CURRENT_LIST_DIR}/GeoScore.h
  ${CMAKE_CURRENT_LIST_DIR}/WebMercator.cpp ${CMAKE_CURRENT_LIST_DIR}/WebMercator.h
  ${CMAKE_CURRENT_LIST_DIR}/GeoBounds.cpp ${CMAKE_CURRENT_LIST_DIR}/GeoBounds.h
  ${CMAKE_CURRENT_LIST_DIR}/GeoPolygon.cpp ${CMAKE_CURRENT_LIST_DIR}/GeoPolygon.h)
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SolarPosition.cpp ${CMAKE_CURRENT_LIST_DIR}/SolarPosition.h
  ${CMAKE_CURRENT_LIST_DIR}/SunBand.cpp ${CMAKE_CURRENT_LIST_DIR}/SunBand.h)

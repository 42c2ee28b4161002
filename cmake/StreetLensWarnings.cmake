# Warnings for our own targets only (third-party headers are included as SYSTEM).
function(streetlens_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                             -Wnon-virtual-dtor -Wno-unused-parameter)
  endif()
endfunction()

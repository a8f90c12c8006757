# Fails if app/ includes LibTorch headers or core/ beyond its torch-free face (core/api/,
# core/config/), if that face includes LibTorch or the engine, if core/ includes ImGui/GLFW/
# glad/GL headers, or if common/ includes any of them.
set(problems "")

# Appends to `problems` every file among FILES with an #include matching REGEX.
function(find_includes regex)
  foreach(file IN LISTS ARGN)
    file(STRINGS ${file} hits REGEX "#include[ \t]*[<\"](${regex})")
    if(hits)
      set(problems "${problems}\n  ${file}: ${hits}")
    endif()
  endforeach()
  set(problems "${problems}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE app_files ${ROOT}/app/*.cpp ${ROOT}/app/*.hpp)
file(GLOB_RECURSE core_files ${ROOT}/core/*.cpp ${ROOT}/core/*.hpp)
file(GLOB_RECURSE common_files ${ROOT}/common/*.cpp ${ROOT}/common/*.hpp)
file(GLOB_RECURSE face_headers ${ROOT}/core/api/*.hpp ${ROOT}/core/config/*.hpp)
list(LENGTH app_files app_count)
list(LENGTH core_files core_count)
list(LENGTH common_files common_count)
if(app_count EQUAL 0 OR core_count EQUAL 0 OR common_count EQUAL 0)
  message(FATAL_ERROR "layering: found no sources under ${ROOT}/app, ${ROOT}/core or ${ROOT}/common")
endif()
find_includes("(torch|ATen|c10)/" ${app_files} ${common_files})
find_includes("imgui|GLFW|glad|GL/" ${core_files} ${common_files})
find_includes("(core|app)/" ${common_files})
find_includes("core/(engine|models|data|losses|probes|metrics|latent)/" ${app_files})
find_includes("(torch|ATen|c10)/|core/(engine|models|data|losses|probes|metrics|latent)/" ${face_headers})
if(problems)
  message(FATAL_ERROR
          "layering broken (app/ must stay torch-free and see only core/api and core/config, "
          "which stay torch-free; core/ GL-free; common/ both and self-contained):${problems}")
endif()
message(STATUS "layering ok: ${app_count} app, ${core_count} core, ${common_count} common files")

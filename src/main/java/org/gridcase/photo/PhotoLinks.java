package org.gridcase.photo;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A photo's absolute addresses as the current request reached gridcase (Tomcat's RemoteIpValve has applied a
 * trusted proxy's X-Forwarded-Proto and Host), so that the workbench recognises them as gridcase's own.
 */
@Component
class PhotoLinks {

    String image(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/photos/{id}").buildAndExpand(id)
                .toUriString();
    }

    String thumbnail(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/photos/{id}/thumb").buildAndExpand(id)
                .toUriString();
    }
}

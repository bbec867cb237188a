package org.gridcase.resident;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignInCodeRepository extends JpaRepository<SignInCode, String> {
}
